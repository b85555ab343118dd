/**
 * The network and the note's formulas: layers, activations and losses by name (their mathematics is in
 * {@code kernel}, one file each, found there rather than listed), the forward pass (written once over
 * {@code kernel.Arithmetic} in {@code GenericForward}; {@code Forward} is its EJML specialisation in double),
 * {@code Backprop} (∇_a C, BP1–BP4, right formulas only) and the deliberate
 * mistakes, each an override of one formula.
 *
 * <p>May import: {@code kernel..}, {@code util}, EJML and {@code java..}; nothing else of the
 * workbench (checked by {@code ArchitectureTest}).
 */
package org.backprop.workbench.engine;

/**
 * The step list of a network and the detail of each step: typeset formulas (single and batch form), operands,
 * shapes, numbers substituted. Activation, loss and mistake display forms come from their own definitions.
 *
 * <p>May import: {@code engine}, {@code kernel..}, {@code check}, {@code util}, EJML and {@code java..}.
 */
package org.backprop.workbench.steps;

/**
 * The arithmetic of numerical differentiation: difference methods and their probe interface, float precision,
 * the complex-step forward pass ({@code ComplexArithmetic} evaluates the kernels' formulas in complex numbers) and
 * the incremental cost used by the fast checks.
 *
 * <p>May import: {@code engine}, {@code kernel..}, {@code util}, EJML and {@code java..}; not {@code check} or anything
 * above it.
 */
package org.backprop.workbench.numeric;

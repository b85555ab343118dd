/**
 * Per-formula gradient checks: the naive and the incremental check, the one probe of C(θ ± h)
 * ({@code CostProbe}), verdicts and thresholds, the analysis of a network, the method-by-step sweep.
 *
 * <p>May import: {@code engine}, {@code numeric}, {@code kernel..}, {@code util}, EJML and {@code java..}.
 */
package org.backprop.workbench.check;

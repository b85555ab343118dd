/**
 * Per-formula gradient checks: the naive and the incremental check, the one probe of C(θ ± h)
 * ({@code CostProbe}, through the engine or the incremental cost), verdicts and thresholds, the analysis of a
 * network, the one method-by-step sweep ({@code EpsilonSweep}: grid, analytic side and probe source are its
 * parameters; the CLI's {@code sweep} and the app's ε plot both use it).
 *
 * <p>May import: {@code engine}, {@code numeric}, {@code kernel..}, {@code util}, EJML and {@code java..}.
 */
package org.backprop.workbench.check;

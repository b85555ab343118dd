/**
 * One loss per file: quadratic, binary cross-entropy, cross-entropy, softmax cross-entropy (loss-fused). Which
 * output activation a loss needs is said in {@code engine.Loss}, which names activations.
 *
 * <p>May import: {@code kernel}, {@code kernel.activation} (a loss may reuse an activation's formula) and
 * {@code java..} only.
 */
package org.backprop.workbench.kernel.loss;

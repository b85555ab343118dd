/**
 * One loss per file: quadratic, binary cross-entropy, cross-entropy, softmax cross-entropy and sigmoid
 * cross-entropy (both loss-fused), each with the output activation it needs (by id). A new loss is a new public
 * {@code LossKernel} class here: {@code engine.Loss} finds every kernel of this package.
 *
 * <p>May import: {@code kernel}, {@code kernel.activation} (a loss may reuse an activation's formula) and
 * {@code java..} only.
 */
package org.backprop.workbench.kernel.loss;

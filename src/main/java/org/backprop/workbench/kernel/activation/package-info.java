/**
 * One activation per file: identity, sigmoid, tanh, relu, leaky-relu, softplus, softmax, gelu, swish. A new
 * activation is a new file here plus its line in {@code engine.Activation} (its file name) and in
 * docs/FILE-FORMAT.md.
 *
 * <p>May import: {@code kernel} and {@code java..} only.
 */
package org.backprop.workbench.kernel.activation;

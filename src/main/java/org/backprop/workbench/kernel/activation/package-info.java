/**
 * One activation per file: identity, sigmoid, tanh, relu, leaky-relu, softplus, softmax, gelu, swish. A new
 * activation is a new public {@code ActivationKernel} class here and its line in docs/FILE-FORMAT.md, nothing else:
 * {@code engine.Activation} finds every kernel of this package ({@code util.PackageScan}), and
 * {@code KernelDiscoveryTest} pins which exist and their order.
 *
 * <p>May import: {@code kernel} and {@code java..} only.
 */
package org.backprop.workbench.kernel.activation;

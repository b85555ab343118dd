/**
 * The mathematics of each activation and each loss, one file apiece ({@code kernel.activation},
 * {@code kernel.loss}), behind two small interfaces, {@link org.backprop.workbench.kernel.ActivationKernel} and
 * {@link org.backprop.workbench.kernel.LossKernel}, with the {@link org.backprop.workbench.kernel.Arithmetic} their
 * formulas are written in once for real and complex numbers.
 *
 * <p>May import: only {@code java..} and its own subpackages. It knows nothing of networks, matrices or checks, so
 * the engine, the numerical checks and the step display can all ask it (checked by {@code ArchitectureTest}).
 */
package org.backprop.workbench.kernel;

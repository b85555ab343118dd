/**
 * Small utilities written once and shared by every package: looking up an enum constant (or an activation or
 * loss) by its file name ({@link org.backprop.workbench.util.Ids}), finding the kernel classes of a package
 * ({@link org.backprop.workbench.util.PackageScan}) and the closest-name suggestion for
 * "did you mean …?" ({@link org.backprop.workbench.util.Names}); the settings file kept between runs
 * ({@link org.backprop.workbench.util.SettingsStore}).
 *
 * <p>May import: {@code java..} only.
 */
package org.backprop.workbench.util;

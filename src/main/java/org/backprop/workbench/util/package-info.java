/**
 * Small utilities written once and shared by every package: looking up an enum constant by its file name
 * ({@link org.backprop.workbench.util.Ids}).
 *
 * <p>May import: {@code java..} only.
 */
package org.backprop.workbench.util;

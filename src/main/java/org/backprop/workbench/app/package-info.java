/**
 * The workbench window: the view-model {@code WorkbenchModel} and the views bound to it.
 *
 * <p>May import: anything in the workbench, JavaFX, JFreeChart-FX, AtlantaFX, JLaTeXMath.
 */
package org.backprop.workbench.app;

/**
 * The lesson panel of the window: the lesson session (view-model), prose with inline formulas, the lesson UI.
 *
 * <p>May import: {@code app} and its packages, the core packages, JavaFX, commonmark, JLaTeXMath.
 */
package org.backprop.workbench.app.lessons;

/**
 * The panels of the window (check table, ε plot, softmax comparison, training) and their shared formats.
 *
 * <p>May import: {@code app}, the core packages, JavaFX, JFreeChart-FX.
 */
package org.backprop.workbench.app.panels;

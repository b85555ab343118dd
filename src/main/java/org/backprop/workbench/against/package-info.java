/**
 * A student's own backprop values checked against the workbench: the values-file readers (JSON and NumPy's
 * {@code .npz}), the strict validation of their shapes in the note's terms, the comparison in backprop order with
 * the first divergence, and the diagnosis of the cause. Core: imports the engine, the checks, {@code io} and
 * {@code i18n} (the readers' messages in the user's language), never a user interface.
 */
package org.backprop.workbench.against;

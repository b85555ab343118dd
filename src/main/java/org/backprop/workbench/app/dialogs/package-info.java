/**
 * Every dialog the window shows, behind {@code DialogService} (file choosers, confirmations, error messages), so
 * that file actions and error paths are tested with a fake that answers as the test says; {@code FxDialogService}
 * is the real one.
 *
 * <p>May import: JavaFX, {@code i18n} and {@code java..}; not the core packages (a dialog asks and answers, it does
 * not load or check anything).
 */
package org.backprop.workbench.app.dialogs;

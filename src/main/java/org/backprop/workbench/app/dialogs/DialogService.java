package org.backprop.workbench.app.dialogs;

import javafx.scene.Node;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every dialog the workbench shows, behind one small interface (JabRef's {@code DialogService}), so that file
 * actions, confirmations and error paths are testable without a real dialog: the window uses
 * {@link FxDialogService}, tests a fake that answers what the test says and records what it was asked.
 */
public interface DialogService {
    /**
     * What a file dialog offers: its title, one filter ("Network files (*.json)", "*.json"; several patterns are
     * separated by ";": "*.json;*.npz"), where it starts.
     */
    record FileRequest(String title, String filterName, String pattern, Path initialFolder, String initialName) {
        public FileRequest withInitialName(String name) {
            return new FileRequest(title, filterName, pattern, initialFolder, name);
        }
    }

    /** The answer to "save changes first?". */
    enum SaveAnswer { SAVE, DISCARD, CANCEL }

    /** A file to open, or empty if the user cancelled. */
    Optional<Path> showOpenDialog(FileRequest request);

    /** A file to write, or empty if the user cancelled. */
    Optional<Path> showSaveDialog(FileRequest request);

    /** Asks whether to save unsaved changes before {@code action} ("quit", "open another network"). */
    SaveAnswer askSaveChanges(String action);

    /** Shows an error (header: what failed; message: why, naming the file and field), without waiting. */
    void showError(String header, String message);

    /**
     * As {@link #showError(String, String)}, the texts said again in the new language after a switch (View ▸
     * Language) while the error is on screen.
     */
    default void showError(java.util.function.Supplier<String> header, java.util.function.Supplier<String> message) {
        showError(header.get(), message.get());
    }

    /** Shows an error whose explanation is a node (a broken lesson's problem list); {@code id}: its pane's id. */
    void showError(String id, String header, Node content);

    /** Shows information (the About box, the shortcut list), without waiting; {@code id} is its dialog pane's id. */
    void showInformation(String id, String header, Node content);
}

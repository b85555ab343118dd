package org.backprop.workbench.app.dialogs;

import org.backprop.workbench.i18n.Messages;

import javafx.scene.Node;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** The dialogs as JavaFX shows them, owned by the window the supplier gives (which may be {@code null}). */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    /** @param owner the window that owns the dialogs ({@code null} not permitted; it may supply {@code null}) */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public Optional<Path> showOpenDialog(FileRequest request) {
        return Optional.ofNullable(chooser(request).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> showSaveDialog(FileRequest request) {
        return Optional.ofNullable(chooser(request).showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(FileRequest request) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(request.title());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(request.filterName(),
                request.pattern().split(";")));
        if (request.initialFolder() != null && Files.isDirectory(request.initialFolder())) {
            chooser.setInitialDirectory(request.initialFolder().toFile());
        }
        if (request.initialName() != null) {
            chooser.setInitialFileName(request.initialName());
        }
        return chooser;
    }

    /**
     * OK in the workbench's language: JavaFX's own ButtonType.OK speaks the JVM's locale, which is English wherever
     * the system's Chinese locale is not installed, and does not follow View ▸ Language.
     */
    private static ButtonType ok() {
        return new ButtonType(Messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    @Override
    public SaveAnswer askSaveChanges(String action) {
        ButtonType save = new ButtonType(Messages.get("save.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("save.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("save.content"), save, discard, cancel);
        alert.setTitle(Messages.get("dialog.confirmTitle"));
        alert.setHeaderText(Messages.get("save.header", action));
        alert.getDialogPane().setId("saveChangesDialog");
        alert.initOwner(owner.get());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) {
            return SaveAnswer.CANCEL;
        }
        return answer.get() == save ? SaveAnswer.SAVE : SaveAnswer.DISCARD;
    }

    @Override
    public void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ok());
        alert.setTitle(Messages.get("dialog.errorTitle"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId("errorDialog");
        alert.initOwner(owner.get());
        alert.show();
    }

    @Override
    public void showError(Supplier<String> header, Supplier<String> message) {
        ButtonType ok = ok();
        Alert alert = new Alert(Alert.AlertType.ERROR, message.get(), ok);
        alert.setTitle(Messages.get("dialog.errorTitle"));
        alert.setHeaderText(header.get());
        alert.getDialogPane().setId("errorDialog");
        alert.initOwner(owner.get());
        Runnable relabel = () -> Platform.runLater(() -> {
            alert.setTitle(Messages.get("dialog.errorTitle"));
            alert.setHeaderText(header.get());
            alert.setContentText(message.get());
            if (alert.getDialogPane().lookupButton(ok) instanceof Button b) {
                b.setText(Messages.get("dialog.ok"));
            }
        });
        Messages.addListener(relabel);
        alert.setOnHidden(e -> Messages.removeListener(relabel));
        alert.show();
    }

    @Override
    public void showError(String id, String header, Node content) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ok());
        alert.setTitle(Messages.get("dialog.errorTitle"));
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId(id);
        alert.initOwner(owner.get());
        alert.show();
    }

    @Override
    public void showInformation(String id, String header, Node content) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ok());
        alert.setTitle(Messages.get("dialog.infoTitle"));
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);   // the dialog grows to its content, no eliding
        alert.initOwner(owner.get());
        alert.show();
    }
}

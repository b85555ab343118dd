package org.backprop.workbench.app.dialogs;

import javafx.scene.Node;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service for tests: answers from queues the test fills, and records every dialog it was asked for. */
public final class FakeDialogService implements DialogService {
    public final Deque<Optional<Path>> files = new ArrayDeque<>();
    public final Deque<SaveAnswer> saveAnswers = new ArrayDeque<>();
    public final List<FileRequest> fileRequests = new ArrayList<>();
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> informations = new ArrayList<>();
    /** The text of each error dialog's content (a text area's or label's text), in order. */
    public final List<String> errorTexts = new ArrayList<>();

    @Override
    public Optional<Path> showOpenDialog(FileRequest request) {
        fileRequests.add(request);
        return files.isEmpty() ? Optional.empty() : files.poll();
    }

    @Override
    public Optional<Path> showSaveDialog(FileRequest request) {
        fileRequests.add(request);
        return files.isEmpty() ? Optional.empty() : files.poll();
    }

    @Override
    public SaveAnswer askSaveChanges(String action) {
        asked.add(action);
        return saveAnswers.isEmpty() ? SaveAnswer.CANCEL : saveAnswers.poll();
    }

    @Override
    public void showError(String header, String message) {
        errors.add(header + ": " + message);
        errorTexts.add(message);
    }

    @Override
    public void showError(String id, String header, Node content) {
        errors.add(id + ": " + header);
        errorTexts.add(content instanceof javafx.scene.control.TextInputControl t ? t.getText()
                : content instanceof javafx.scene.control.Labeled l ? l.getText() : String.valueOf(content));
    }

    @Override
    public void showInformation(String id, String header, Node content) {
        informations.add(id + ": " + header);
    }
}

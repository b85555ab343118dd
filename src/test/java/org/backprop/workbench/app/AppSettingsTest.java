package org.backprop.workbench.app;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Rectangle2D;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.util.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The theme, zoom, notation, language, window and recent files kept between runs, in a settings folder the test
 * chooses; a damaged store reads as the defaults.
 */
class AppSettingsTest {
    @TempDir
    Path folder;

    private static final List<Rectangle2D> ONE_SCREEN = List.of(new Rectangle2D(0, 0, 1920, 1080));

    private SettingsStore store() {
        return new SettingsStore(folder.resolve(SettingsStore.FILE));
    }

    /** A model as a new start makes it: no window, the computations run in the calling thread. */
    private static WorkbenchModel freshModel() {
        return new WorkbenchModel(DefaultNetwork.load(), Runnable::run, Runnable::run);
    }

    @Test
    void theLookChosenInOneRunIsTheLookOfTheNext() {
        AppSettings first = new AppSettings(store());
        WorkbenchModel run1 = freshModel();
        first.applyTo(run1);
        first.follow(run1, new SimpleBooleanProperty(false));
        run1.darkThemeProperty().set(true);
        run1.zoomIn();
        run1.zoomIn();
        run1.notationProperty().set(Notation.NIELSEN);

        WorkbenchModel run2 = freshModel();
        new AppSettings(store()).applyTo(run2);
        assertTrue(run2.darkThemeProperty().get());
        assertEquals(WorkbenchModel.ZOOM_STEP * WorkbenchModel.ZOOM_STEP, run2.zoomProperty().get(), 1e-4);
        assertEquals(Notation.NIELSEN, run2.notationProperty().get());
    }

    @Test
    void presentationModesThemeAndZoomAreNotKept() {
        AppSettings settings = new AppSettings(store());
        WorkbenchModel model = freshModel();
        SimpleBooleanProperty presenting = new SimpleBooleanProperty(false);
        settings.follow(model, presenting);
        model.zoomProperty().set(1.2);
        presenting.set(true);
        model.darkThemeProperty().set(true);
        model.zoomProperty().set(2.5);
        WorkbenchModel next = freshModel();
        settings.applyTo(next);
        assertFalse(next.darkThemeProperty().get());
        assertEquals(1.2, next.zoomProperty().get(), 1e-4);
    }

    @Test
    void aDamagedStoreReadsAsTheDefaults() throws Exception {
        Path file = folder.resolve(SettingsStore.FILE);
        // a malformed \\u escape makes Properties.load throw; the bytes after it are not UTF-8
        Files.write(file, new byte[]{'z', 'o', 'o', 'm', '=', '\\', 'u', '1', 'x', '\n', (byte) 0xff, (byte) 0xfe});
        assertEquals(Map.of(), store().read());
        WorkbenchModel model = freshModel();
        new AppSettings(store()).applyTo(model);
        assertFalse(model.darkThemeProperty().get());
        assertEquals(1.0, model.zoomProperty().get(), 0.0);
        assertEquals(Notation.NOTE, model.notationProperty().get());
        assertEquals(Optional.empty(), new AppSettings(store()).windowBounds(ONE_SCREEN));
        assertEquals(Optional.empty(), Messages.remembered(store()));
        // and the next write replaces the damage with good settings
        new AppSettings(store()).saveLook(model);
        assertEquals("light", store().read().get("theme"));
    }

    @Test
    void valuesThatDoNotParseAreTheirDefaults() throws Exception {
        Files.writeString(folder.resolve(SettingsStore.FILE), String.join("\n", "theme=purple", "zoom=NaN",
                "notation=upside-down", "language=klingon", "window.x=left", "window.y=0", "window.width=800",
                "window.height=700"), StandardCharsets.UTF_8);
        WorkbenchModel model = freshModel();
        new AppSettings(store()).applyTo(model);
        assertFalse(model.darkThemeProperty().get());
        assertEquals(1.0, model.zoomProperty().get(), 0.0);
        assertEquals(Notation.NOTE, model.notationProperty().get());
        assertEquals(Optional.empty(), Messages.remembered(store()));
        assertEquals(Optional.empty(), new AppSettings(store()).windowBounds(ONE_SCREEN));
        Files.writeString(folder.resolve(SettingsStore.FILE), "zoom=40\n", StandardCharsets.UTF_8);
        new AppSettings(store()).applyTo(model);
        assertEquals(1.0, model.zoomProperty().get(), 0.0, "a zoom outside 0.5..3 is not taken");
    }

    @Test
    void theWindowComesBackWhereItWasUnlessThatScreenIsGone() throws Exception {
        Files.writeString(folder.resolve(SettingsStore.FILE),
                "window.x=100\nwindow.y=50\nwindow.width=1200\nwindow.height=800\nwindow.maximized=true\n");
        AppSettings settings = new AppSettings(store());
        assertEquals(Optional.of(new Rectangle2D(100, 50, 1200, 800)), settings.windowBounds(ONE_SCREEN));
        assertTrue(settings.maximized());
        // a second monitor on the right, unplugged since
        Files.writeString(folder.resolve(SettingsStore.FILE),
                "window.x=2500\nwindow.y=50\nwindow.width=1200\nwindow.height=800\n");
        assertEquals(Optional.empty(), settings.windowBounds(ONE_SCREEN));
        // a window larger than the projector it now opens on is cut to it
        Files.writeString(folder.resolve(SettingsStore.FILE),
                "window.x=0\nwindow.y=0\nwindow.width=1900\nwindow.height=1000\n");
        assertEquals(Optional.of(new Rectangle2D(0, 0, 1024, 768)),
                settings.windowBounds(List.of(new Rectangle2D(0, 0, 1024, 768))));
    }

    @Test
    void theLanguageAndTheLookShareOneFileWithoutOverwritingEachOther() {
        SettingsStore store = store();
        store.put(Messages.SETTINGS_KEY, "zh-CN");
        WorkbenchModel model = freshModel();
        model.darkThemeProperty().set(true);
        new AppSettings(store).saveLook(model);
        assertEquals(Optional.of(Locale.SIMPLIFIED_CHINESE), Messages.remembered(store));
        assertEquals("dark", store.read().get("theme"));
    }

    @Test
    void theRecentFilesLiveInTheSettingsFolder() throws Exception {
        AppSettings settings = new AppSettings(store());
        Path net = Files.writeString(folder.resolve("net.json"), "{}");
        settings.recentFiles().add(net);
        assertEquals(List.of(net.toAbsolutePath()), new AppSettings(store()).recentFiles().list());
        assertTrue(Files.exists(folder.resolve("recent.txt")));
    }
}

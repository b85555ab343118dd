package org.backprop.workbench.app;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.util.SettingsStore;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the window remembers between runs, in the {@link SettingsStore} (the language is kept there too, by
 * {@code Messages}): the theme, the zoom, the weight notation and the window's size and place; the recent files
 * and the log live in the same folder. Every value that is missing or does not parse (a damaged store) is its
 * default; a remembered window that would lie off every screen is not used.
 */
public final class AppSettings {
    static final String THEME = "theme";
    static final String ZOOM = "zoom";
    static final String NOTATION = "notation";
    static final String X = "window.x";
    static final String Y = "window.y";
    static final String WIDTH = "window.width";
    static final String HEIGHT = "window.height";
    static final String MAXIMIZED = "window.maximized";
    /** Smallest remembered window that is taken as it is (the stage's own minimum). */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    private final SettingsStore store;

    /** @param store where the settings are kept ({@code null} not permitted) */
    public AppSettings(SettingsStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The settings of the user's settings folder. */
    public static AppSettings standard() {
        return new AppSettings(SettingsStore.standard());
    }

    /** The settings folder: the store's folder, where the recent files and the log are kept too. */
    public Path folder() {
        return store.file().toAbsolutePath().getParent();
    }

    /** The recent files, kept beside the settings. */
    public RecentFiles recentFiles() {
        return new RecentFiles(folder().resolve("recent.txt"));
    }

    /** Sets the model's theme, zoom and notation to the remembered ones (defaults where none or damaged). */
    public void applyTo(WorkbenchModel model) {
        Map<String, String> v = store.read();
        model.darkThemeProperty().set("dark".equals(v.get(THEME)));
        model.zoomProperty().set(SettingsStore.parse(v, ZOOM, 1.0, WorkbenchModel.MIN_ZOOM, WorkbenchModel.MAX_ZOOM));
        model.notationProperty().set(notation(v.get(NOTATION)));
    }

    private static Notation notation(String name) {
        for (Notation n : Notation.values()) {
            if (n.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return n;
            }
        }
        return Notation.NOTE;
    }

    /**
     * Saves the theme, zoom and notation whenever they change, except while {@code temporary} is true (presentation
     * mode changes the theme and zoom for the projector and puts them back when it ends).
     */
    public void follow(WorkbenchModel model, ObservableBooleanValue temporary) {
        Runnable save = () -> {
            if (!temporary.get()) {
                saveLook(model);
            }
        };
        model.darkThemeProperty().addListener((o, a, b) -> save.run());
        model.zoomProperty().addListener((o, a, b) -> save.run());
        model.notationProperty().addListener((o, a, b) -> save.run());
    }

    /** Writes the theme, zoom and notation now. */
    public void saveLook(WorkbenchModel model) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(THEME, model.darkThemeProperty().get() ? "dark" : "light");
        v.put(ZOOM, String.format(Locale.ROOT, "%.4f", model.zoomProperty().get()));
        v.put(NOTATION, model.notationProperty().get().name());
        store.putAll(v);
    }

    /**
     * The remembered window, if it is complete, at least the minimum size and overlaps one of {@code screens} by a
     * title bar's worth (a monitor unplugged since would otherwise leave the window out of reach). Its size is cut
     * to the screen it is on.
     */
    public Optional<Rectangle2D> windowBounds(List<Rectangle2D> screens) {
        Map<String, String> v = store.read();
        double x = SettingsStore.parse(v, X, Double.NaN, -1e5, 1e5);
        double y = SettingsStore.parse(v, Y, Double.NaN, -1e5, 1e5);
        double w = SettingsStore.parse(v, WIDTH, Double.NaN, MIN_WIDTH, 1e5);
        double h = SettingsStore.parse(v, HEIGHT, Double.NaN, MIN_HEIGHT, 1e5);
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(w) || Double.isNaN(h)) {
            return Optional.empty();
        }
        Rectangle2D titleBar = new Rectangle2D(x, y, w, 40);
        for (Rectangle2D screen : screens) {
            if (screen.intersects(titleBar)) {
                return Optional.of(new Rectangle2D(x, y, Math.min(w, screen.getWidth()),
                        Math.min(h, screen.getHeight())));
            }
        }
        return Optional.empty();
    }

    /** True if the window was maximised when it was last closed. */
    public boolean maximized() {
        return "true".equals(store.read().get(MAXIMIZED));
    }

    /**
     * Writes the stage's size and place (not while it is full screen or maximised: then the size it had before is
     * what the next start should open with, and only the flag is written).
     */
    public void saveWindow(Stage stage) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MAXIMIZED, Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized() && !stage.isFullScreen() && stage.getWidth() > 0 && stage.getHeight() > 0) {
            v.put(X, num(stage.getX()));
            v.put(Y, num(stage.getY()));
            v.put(WIDTH, num(stage.getWidth()));
            v.put(HEIGHT, num(stage.getHeight()));
        }
        store.putAll(v);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }
}

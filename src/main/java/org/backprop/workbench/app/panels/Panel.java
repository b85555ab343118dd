package org.backprop.workbench.app.panels;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A self-contained view: a name for its tab, its root node, and the node a screenshot captures.
 */
public interface Panel {
    /** The tab title, e.g. "Checks". */
    String getName();

    /** The root node, built once in the constructor. */
    Region getView();

    /** What a documentation screenshot captures; the whole view unless a panel says otherwise. */
    default Node getSnapshotTarget() {
        return getView();
    }

    /**
     * Wraps a panel's content so that it fills the space it gets and scrolls, rather than clipping its controls,
     * when a tab is shorter than {@code minHeight} (a tab under the diagram at 1280×800 is about 340 px high).
     */
    static javafx.scene.control.ScrollPane scrolling(Region content, double minHeight) {
        content.setMinHeight(minHeight);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("bw-scroll");
        scroll.getStylesheets().add(STYLESHEET);
        return scroll;
    }

    /** The stylesheet every panel adds to its root: verdict colours, matrix cells, captions. */
    String STYLESHEET = Panel.class.getResource("panels.css").toExternalForm();
}

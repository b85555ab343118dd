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

    /** The stylesheet every panel adds to its root: verdict colours, matrix cells, captions. */
    String STYLESHEET = Panel.class.getResource("panels.css").toExternalForm();
}

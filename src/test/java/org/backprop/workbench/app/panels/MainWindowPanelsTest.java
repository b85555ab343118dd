package org.backprop.workbench.app.panels;

import org.backprop.workbench.app.WorkbenchView;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.backprop.workbench.app.MainWindow;
import org.backprop.workbench.app.RecentFiles;
import org.backprop.workbench.app.WorkbenchModel;
import org.backprop.workbench.engine.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.backprop.workbench.app.panels.PanelFixtures.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The panels inside the real main window, bound to the model. */
@ExtendWith(ApplicationExtension.class)
class MainWindowPanelsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theCheckTabListsTheModelsChecksAndItsSelectionIsTheModels(@TempDir Path dir) {
        WorkbenchModel model = fx(() -> new WorkbenchModel());
        MainWindow window = fx(() -> new MainWindow(model, new RecentFiles(dir.resolve("recent.txt"))));
        fx(() -> {
            window.installTheme();
            Scene scene = window.createScene(1280, 800);
            stage.setScene(scene);
            stage.show();
        });
        fx(() -> model.mistakeProperty().set(Mistake.BP2_NO_SIGMA_PRIME));
        waitUntil(() -> model.getAnalysis() != null && model.getAnalysis().mistake() == Mistake.BP2_NO_SIGMA_PRIME);
        for (String id : new String[]{"checksTab", "epsilonTab", "softmaxTab", "trainingTab"}) {
            Tab tab = fx(() -> window.tabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .orElseThrow());
            fx(() -> window.tabs().getSelectionModel().select(tab));
            if (id.equals("checksTab")) {
                fx(() -> window.parts().checkTable().setFailuresOnly(true));
                assertEquals(model.getAnalysis().failures().size(), (int) fx(() -> window.parts().checkTable().shownRows().size()));
                fx(() -> window.parts().checkTable().table().getSelectionModel().select(2));
                assertEquals(fx(() -> window.parts().checkTable().shownRows().get(2)), model.selectedCheckProperty().get());
            }
            if (id.equals("epsilonTab")) {
                waitUntil(() -> !window.parts().runner().isBusy());
            }
            PanelFixtures.snapshot(stage.getScene().getRoot(), "window-" + id);
        }
        assertTrue(model.getAnalysis().failures().size() > 0);

        fx(() -> window.parts().model().navigate(WorkbenchView.STEP));
        fx(() -> window.parts().stepList().requestFocus());
        new org.testfx.api.FxRobot().push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT3);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("checksTab", fx(() -> window.tabs().getSelectionModel().getSelectedItem().getId()),
                "Ctrl+3 brings the check table to the front");
        new org.testfx.api.FxRobot().push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .write("BP3");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> window.parts().checkTable().shownRows().stream()
                        .allMatch(r -> r.formula() == org.backprop.workbench.check.Formula.BP3))
                        && !fx(() -> window.parts().checkTable().shownRows().isEmpty()),
                "Ctrl+F right after Ctrl+3 goes to the filter: typing BP3 keeps only BP3 rows");
        fx(() -> window.parts().checkTable().setTextFilter(""));
        fx(() -> model.darkThemeProperty().set(true));
        PanelFixtures.snapshot(stage.getScene().getRoot(), "window-dark-training");
        fx(() -> window.parts().model().navigate(WorkbenchView.EPSILON));
        PanelFixtures.snapshot(stage.getScene().getRoot(), "window-dark-epsilon");
        fx(() -> {
            model.darkThemeProperty().set(false);
            javafx.application.Application.setUserAgentStylesheet(null);
        });
    }
}

package org.backprop.workbench.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.report.CheckReport;

/** The workbench window. */
public class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        NetworkDocument doc = DefaultNetwork.load();
        Analysis analysis = GradientCheck.analyse(doc.network(), doc.batch(), new Backprop(), 1e-5);
        TextArea report = new TextArea(CheckReport.text(analysis));
        report.setEditable(false);
        report.setStyle("-fx-font-family: monospace;");
        stage.setTitle("Backprop Workbench — " + doc.name());
        stage.setScene(new Scene(report, 1100, 800));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}

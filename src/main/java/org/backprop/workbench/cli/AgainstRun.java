package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.against.Against;
import org.backprop.workbench.against.AgainstReport;
import org.backprop.workbench.against.Comparison;
import org.backprop.workbench.against.StudentValues;
import org.backprop.workbench.against.ValuesFile;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.numeric.NotAnalyticException;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code check NET --against VALUES}: a student's values compared with the workbench's. */
final class AgainstRun {
    private AgainstRun() {
    }

    /** Exit 0 when every given quantity matches, 1 when any differs (bad input throws, exit 2). */
    static int run(PrintWriter out, NetworkDocument doc, Path values, Double tolerance, String format,
                   CheckOptions options) throws NetworkFileException {
        double tol = tolerance == null ? Against.DEFAULT_TOLERANCE : tolerance;
        if (!(tol > 0) || !(tol < 1)) {
            throw new UsageError(Messages.get("cli.against.tolerance", String.valueOf(tol)));
        }
        StudentValues student = ValuesFile.load(values, doc.network(), doc.batch().size());
        Analysis analysis;
        try {
            analysis = FastGradientCheck.analyse(doc.network(), doc.batch(), new Backprop(), options,
                    CheckProgress.NONE);
        } catch (NotAnalyticException e) {
            throw new UsageError(Messages.get("cli.notAnalytic", doc.name(), e.getMessage()));
        }
        Comparison c = Against.compare(doc.network(), doc.batch(), student, tol, analysis.checks());
        out.print(switch (format) {
            case "json" -> AgainstReport.json(c, analysis);
            case "markdown" -> AgainstReport.markdown(c, analysis);
            default -> AgainstReport.text(c, analysis);
        });
        out.flush();
        return c.matches() ? 0 : 1;
    }
}

package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckMode;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.derive.Derivation;
import org.backprop.workbench.derive.DerivationFormat;
import org.backprop.workbench.derive.Deriver;
import org.backprop.workbench.derive.Entries;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.steps.Notation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code derive NET ENTRY}: the note's chain-rule derivation of one entry, with the numbers substituted and the
 * entry's numerical check beside it.
 */
@Command(name = "derive", mixinStandardHelpOptions = true,
        description = {"Derives one entry of z, a, gradA, delta, gradB or gradW by the chain rule, index by index, "
                + "with the network's numbers substituted, and checks it against its numerical derivative.",
                "ENTRY: " + Entries.FORMS + ".",
                "Exit status: 0 when the entry's check passes (or it has none), 1 when it fails, 2 for bad input."})
public final class DeriveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NET", description = "a network file (JSON) or a lesson (.md)")
    Path file;

    @Parameters(index = "1", paramLabel = "ENTRY", description = "e.g. delta1[0,2], gradW2[1,0], z2[0]")
    String entry;

    @Option(names = "--sample", paramLabel = "x", description = "the sample, when ENTRY gives only [j]")
    Integer sample;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, markdown, latex or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--notation", defaultValue = "w_kj", paramLabel = "N",
            description = "w_kj (the note: rows = inputs) or w_jk (Nielsen: rows = outputs) (default: ${DEFAULT-VALUE})")
    String notation;

    @Option(names = "--mistake", paramLabel = "NAME",
            description = "derive under a deliberate mistake (see check --mistake list)")
    String mistake;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Options.format(format, "text", "markdown", "latex", "json");
        Notation chosenNotation = switch (notation) {
            case "w_kj", "note" -> Notation.NOTE;
            case "w_jk", "nielsen" -> Notation.NIELSEN;
            default -> throw new UsageError(Messages.get("cli.derive.notation", notation));
        };
        Mistake chosen = Mistake.NONE;
        if (mistake != null) {
            chosen = Mistake.fromId(mistake).orElseThrow(() -> new UsageError(Messages.get("cli.unknownMistake",
                    mistake, Mistake.ids())));
        }
        NetworkDocument doc = Documents.load(file);
        Network net = doc.network();
        Quantity q;
        try {
            q = Entries.parse(entry, net, doc.batch().size(), sample);
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.get("file.problem", file, e.getMessage()));
        }
        ForwardTrace forward = Forward.run(net, doc.batch());
        BackwardTrace backward = new Backprop(chosen).run(net, forward, doc.batch());
        // no checks yet: the derivation checks its one entry alone
        Analysis analysis = new Analysis(net, doc.batch(), chosen, Thresholds.DEFAULT_EPSILON, forward, backward,
                List.of(), DifferenceMethod.CENTRAL, Precision.DOUBLE, CheckMode.ALL);
        // JSON is for programs: its lines stay English in every language, like its keys and ids
        Derivation d = Deriver.derive(analysis, q, chosenNotation,
                format.equals("json") ? java.util.Locale.ENGLISH : Messages.locale());
        out.print(switch (format) {
            case "json" -> DerivationFormat.json(d);
            case "markdown" -> DerivationFormat.markdown(d);
            case "latex" -> DerivationFormat.latex(d);
            default -> DerivationFormat.text(d);
        });
        out.flush();
        return d.isChecked() && d.verdict() == org.backprop.workbench.check.Verdict.FAIL ? 1 : 0;
    }
}

package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.against.NumpyScript;
import org.backprop.workbench.io.AtomicFiles;
import org.backprop.workbench.io.NetworkDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code export NET --as numpy [-o FILE] [--starter]}: the network as a self-contained NumPy script. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a network as a self-contained Python script (NumPy only): the forward pass and the "
                + "backward pass formula by formula (BP1-BP4, batch forms), with --values OUT.json|OUT.npz to write "
                + "a values file for 'check NET --against OUT'. --starter leaves the backward pass for you.",
                "Exit status: 0 on success, 2 for bad input or usage."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NET", description = "a network file (JSON) or a lesson (.md)")
    Path file;

    @Option(names = "--as", required = true, paramLabel = "FORMAT", description = "numpy")
    String as;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here instead of standard output")
    Path output;

    @Option(names = "--starter", description = "leave each backward formula as a marked gap for the student")
    boolean starter;

    @Override
    public Integer call() throws Exception {
        if (!"numpy".equals(as)) {
            throw new UsageError(Messages.get("cli.export.as", as));
        }
        NetworkDocument doc = Documents.load(file);
        String script = NumpyScript.write(doc.network(), doc.batch(), file.toString(), starter);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(script);
            out.flush();
        } else {
            try {
                AtomicFiles.writeString(output, script);
            } catch (java.io.IOException e) {
                throw new UsageError(Messages.get("cli.cannotWrite", output, e.getMessage()));
            }
            spec.commandLine().getErr().println(starter ? Messages.get("cli.export.wroteStarter", output, NumpyScript.GAP)
                    : Messages.get("cli.export.wrote", output));
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}

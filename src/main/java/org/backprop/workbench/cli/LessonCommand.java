package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.Printable;
import org.backprop.workbench.io.SafeFiles;
import org.backprop.workbench.lesson.Lesson;
import org.backprop.workbench.lesson.LessonException;
import org.backprop.workbench.lesson.LessonLibrary;
import org.backprop.workbench.lesson.LessonProblem;
import org.backprop.workbench.lesson.LessonStep;
import org.backprop.workbench.lesson.Lessons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code lesson --validate FILE...}: checks lessons (syntax, names, and every claim against the engine);
 * {@code lesson FILE}: prints a lesson's outline; {@code lesson --list}: the lessons the app offers. A folder stands for every lesson in it.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = {"Validates lessons (--validate) or prints a lesson's outline.",
                "A lesson is valid when its network loads, every directive names a real step, layer, entry or "
                        + "mistake, and every @expect claim holds when the engine checks it.",
                "Exit status: 0 when every lesson is valid, 2 otherwise (each problem printed as FILE:LINE: message)."})
public final class LessonCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--validate", description = "validate the lessons and print one line per lesson")
    boolean validate;

    @Option(names = "--list", description = "list the lessons the app offers (lessons/ here, else the bundled ones)")
    boolean list;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "lesson files (.md) or folders of lessons")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            return list(out);
        }
        if (files.isEmpty()) {
            throw new UsageError(Messages.get("lesson.missingFile"));
        }
        List<Path> lessons = new ArrayList<>();
        for (String name : files) {
            Path file = SafeFiles.path(name).orElseThrow(() -> new UsageError(Messages.get("cli.notAPath",
                    Printable.escape(name))));
            if (Files.isDirectory(file)) {
                try (Stream<Path> list = Files.list(file)) {
                    list.filter(Lessons::isLessonFile).sorted().forEach(lessons::add);
                } catch (IOException e) {
                    throw new UsageError(Messages.get("lesson.cannotList", file, e.getMessage()));
                }
            } else if (isReadme(file) && files.size() > 1) {
                // "lesson --validate lessons/*.md": the shell's glob brings the folder's README along
                out.println(Messages.get("lesson.skippedReadme", Printable.escape(file.toString())));
            } else {
                lessons.add(file);
            }
        }
        if (lessons.isEmpty()) {
            throw new UsageError(Messages.get("lesson.noLessonsIn", files));
        }
        int invalid = 0;
        for (Path file : lessons) {
            try {
                Lesson lesson = Lessons.load(file);
                if (validate) {
                    out.println(Messages.get("lesson.valid", Printable.escape(file.toString()),
                            Printable.escape(lesson.title()), lesson.size()));
                } else {
                    outline(lesson, out);
                }
            } catch (LessonException e) {
                invalid++;
                for (LessonProblem problem : e.problems()) {
                    err.println(Printable.escape(problem.toString()));
                }
            }
        }
        out.flush();
        err.flush();
        if (invalid > 0 && lessons.size() > 1) {
            err.println(Messages.get("lesson.invalidCount", invalid, lessons.size()));
            err.flush();
        }
        return invalid == 0 ? 0 : Cli.BAD_INPUT;
    }

    private static boolean isReadme(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().equalsIgnoreCase("README.md");
    }

    private int list(PrintWriter out) {
        LessonLibrary library = LessonLibrary.find().orElseThrow(() -> new UsageError(
                Messages.get("lesson.noLessons")));
        out.println(library.isBundled() ? Messages.get("lesson.bundled") : Messages.get("lesson.inFolder", library.folder()));
        for (LessonLibrary.Entry entry : library.entries()) {
            try {
                Lesson lesson = library.load(entry);
                out.printf(Locale.ROOT, "  %-32s %s%n", Printable.escape(entry.name()), Messages.get("lesson.listEntry",
                        Printable.escape(lesson.title()), Messages.get("lesson.steps", lesson.size())));
            } catch (LessonException e) {
                out.printf(Locale.ROOT, "  %-32s %s%n", Printable.escape(entry.name()), Messages.get("lesson.listEntry",
                        Printable.escape(entry.title()),
                        Messages.get("lesson.invalid", Printable.escape(e.problems().get(0).toString()))));
            }
        }
        out.flush();
        return 0;
    }

    private static void outline(Lesson lesson, PrintWriter out) {
        out.println(Printable.escape(lesson.title()));
        if (!lesson.summary().isEmpty()) {
            out.println(Printable.escape(lesson.summary()));
        }
        out.println(Messages.get("lesson.network", lesson.document().network().describe(), lesson.document().batch().size()));
        for (LessonStep step : lesson.steps()) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%2d. %s", step.number(),
                    Printable.escape(step.title())));
            // the directives' values (step ids, views, mistakes, entries) stay as the lesson file writes them
            step.step().ifPresent(id -> s.append("  ").append(Messages.get("lesson.outline.step", id)));
            s.append("  ").append(Messages.get("lesson.outline.view", step.view().id()));
            if (step.mistake() != org.backprop.workbench.engine.Mistake.NONE) {
                s.append("  ").append(Messages.get("lesson.outline.mistake", step.mistake().id()));
            }
            step.quizQuestion().ifPresent(q -> s.append("  ").append(Messages.get("lesson.outline.quiz",
                    q.quantity().id())));
            step.predictionQuestion().ifPresent(p -> s.append("  ").append(Messages.get("lesson.outline.predict")));
            out.println(s);
        }
    }
}

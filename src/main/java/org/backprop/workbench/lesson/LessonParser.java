package org.backprop.workbench.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckMode;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.JsonProblems;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.io.SafeFiles;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.steps.Notation;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.Steps;
import org.backprop.workbench.util.Names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a lesson file (format in {@code lessons/README.md}) into a {@link Lesson}, reporting every problem with its
 * line number. It checks the syntax and that every name exists (step ids, layers, entries, mistakes, views); whether
 * the claims hold is the {@link LessonValidator}'s business.
 */
public final class LessonParser {
    /** Where a lesson's {@code network: path} is looked up. */
    @FunctionalInterface
    public interface NetworkSource {
        /**
         * Loads the network file at a path relative to the lesson.
         *
         * @throws NetworkFileException if it cannot be read or used (its message names the file)
         */
        NetworkDocument load(String relativePath) throws NetworkFileException;
    }

    /** The directives, in the order the README documents them. */
    public static final List<String> DIRECTIVES = List.of(
            "network", "step", "highlight", "mistake", "epsilon", "method", "notation", "view", "expect", "quiz", "predict",
            "derive");

    /** The largest ε a lesson may set; beyond it a "derivative" is no longer local (and the CLI refuses it too). */
    public static final double MAX_EPSILON = org.backprop.workbench.numeric.Epsilon.MAX;

    /** The largest lesson file read; a lesson is prose, a 1 MB one is a mistake. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final Set<String> FRONT_MATTER_FIELDS = Set.of("title", "summary", "network", "networks");

    /** The name of the lesson's own network ({@code network:}) for {@code @network}. */
    public static final String MAIN_NETWORK = "main";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][\\w-]*");
    private static final Set<String> NUMERIC_NETWORK_FIELDS = Set.of("weights", "biases", "inputs", "targets");
    private static final Pattern DIRECTIVE = Pattern.compile("@([A-Za-z][\\w-]*)\\s*(.*)");
    private static final Pattern KEY = Pattern.compile("([A-Za-z_][\\w-]*)\\s*:.*");
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z]+\\d*(?:\\[[^\\]]*])?");
    private static final Pattern QUIZ = Pattern.compile("(.+?)(?:\\s+tolerance\\s+(\\S+))?");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // so that 1e400 stays the decimal it is and is reported out of range, not turned into "Infinity"
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final List<LessonProblem> problems = new ArrayList<>();

    private LessonParser(String file) {
        this.file = file;
    }

    /** Reads a lesson file; {@code network:} paths are relative to its folder. */
    public static Lesson parse(Path path) throws LessonException {
        return parse(read(path), path.toString(), relativeTo(path));
    }

    /**
     * Reads the text of a lesson.
     *
     * @param file   the lesson's name, for messages
     * @param source resolves {@code network:} paths
     */
    public static Lesson parse(String text, String file, NetworkSource source) throws LessonException {
        return new LessonParser(file).lesson(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text, source);
    }

    /** Reads only a lesson's front matter and network (for {@code check lessons/NAME.md}). */
    public static NetworkDocument network(Path path) throws LessonException {
        LessonParser parser = new LessonParser(path.toString());
        String[] lines = lines(read(path));
        FrontMatter front = parser.frontMatter(lines, relativeTo(path));
        parser.throwIfProblems();
        return front.document;
    }

    /**
     * Network paths relative to a lesson file's folder, confined to that folder and below: a shared lesson may not
     * make the app read any other file. An absolute path, one whose {@code ..} leaves the folder, or a link whose
     * real target lies outside it is refused by name, without being opened.
     */
    public static NetworkSource relativeTo(Path lesson) {
        Path folder = lesson.toAbsolutePath().normalize().getParent();
        return relative -> NetworkFile.load(confined(folder, relative));
    }

    /** {@code relative} resolved in {@code folder}, if it stays inside it (links resolved); nothing is opened. */
    static Path confined(Path folder, String relative) throws NetworkFileException {
        Path given;
        try {
            if (relative.indexOf('\0') >= 0) {
                throw new java.nio.file.InvalidPathException(relative, "NUL");
            }
            given = folder.getFileSystem().getPath(relative);
        } catch (java.nio.file.InvalidPathException e) {
            throw new NetworkFileException(relative, "", Messages.get("lesson.read.notAPath"));
        }
        if (given.isAbsolute() || given.getRoot() != null) {
            throw new NetworkFileException(relative, "", Messages.get("lesson.read.absolutePath"));
        }
        Path resolved = folder.resolve(given).normalize();
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw new NetworkFileException(relative, "", Messages.get("lesson.read.leavesFolder"));
        }
        try {
            Path realFolder = folder.toRealPath();
            Path real = resolved.toRealPath();
            if (!real.startsWith(realFolder)) {
                throw new NetworkFileException(relative, "", Messages.get("lesson.read.linkOutside"));
            }
        } catch (IOException e) {
            throw new NetworkFileException(resolved.toString(), "", SafeFiles.refusal(e, Messages.get("file.what.network"))
                    .getMessage());
        }
        return resolved;
    }

    static String read(Path path) throws LessonException {
        String file = path.toString();
        try {
            byte[] bytes = SafeFiles.read(path, MAX_FILE_BYTES, Messages.get("file.what.lesson"));
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new LessonException(List.of(new LessonProblem(file, 1, Messages.get("lesson.read.notUtf8"))));
        } catch (SafeFiles.Refusal e) {
            throw new LessonException(List.of(new LessonProblem(file, 1, e.getMessage())));
        }
    }

    /** Some editors begin UTF-8 files with it; it is not part of the front matter's first line. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private static String[] lines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    // ---- front matter ------------------------------------------------------------------------------------------

    private record FrontMatter(int end, String title, String summary, NetworkDocument document,
                               Map<String, NetworkDocument> networks) {
    }

    /** Reads lines[0..end] (the --- block); {@code end} is the index of the closing ---, or -1. */
    private FrontMatter frontMatter(String[] lines, NetworkSource source) throws LessonException {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problem(1, Messages.get("lesson.read.noFrontMatter"));
            throwIfProblems();
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problem(1, Messages.get("lesson.read.frontMatterNotClosed"));
            throwIfProblems();
        }
        Map<String, Integer> keyLines = new HashMap<>();
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < end; i++) {
            Matcher key = KEY.matcher(lines[i]);
            if (key.matches()) {
                keyLines.putIfAbsent(key.group(1), i + 1);
            }
            yaml.append(lines[i]).append('\n');
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml.toString());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null || where.getLineNr() < 1 ? 2 : where.getLineNr() + 1;
            problem(line, Messages.get("lesson.read.frontMatterYaml", java.util.Optional.ofNullable(
                    JsonProblems.describeYaml(e.getOriginalMessage())).orElseGet(() -> Messages.get("lesson.read.notYaml"))));
            throw new LessonException(problems);
        } catch (NumberFormatException e) {
            problem(2, Messages.get("lesson.read.frontMatterYaml", Messages.get("network.exponentBeyondDouble")));
            throw new LessonException(problems);
        }
        if (root == null || !root.isObject()) {
            problem(2, Messages.get("lesson.read.frontMatterNotFields"));
            throw new LessonException(problems);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FRONT_MATTER_FIELDS.contains(name)) {
                problem(keyLines.getOrDefault(name, 2), Messages.get("lesson.read.frontMatterUnknownField", name,
                        suggestion(name, FRONT_MATTER_FIELDS)));
            }
        }
        String title = "";
        JsonNode titleNode = root.get("title");
        if (titleNode == null || !titleNode.isValueNode() || titleNode.asText().isBlank()) {
            problem(keyLines.getOrDefault("title", end + 1), Messages.get("lesson.read.noTitle"));
        } else {
            title = titleNode.asText().strip();
        }
        JsonNode summaryNode = root.get("summary");
        String summary = summaryNode == null || summaryNode.isNull() ? "" : summaryNode.asText().strip();
        int networkLine = keyLines.getOrDefault("network", end + 1);
        JsonNode networkNode = root.get("network");
        NetworkDocument document = null;
        if (networkNode == null || networkNode.isNull()) {
            problem(networkLine, Messages.get("lesson.read.noNetwork"));
        } else {
            document = network(networkNode, "network", networkLine, source);
        }
        Map<String, NetworkDocument> networks = new LinkedHashMap<>();
        networks.put(MAIN_NETWORK, document);
        JsonNode more = root.get("networks");
        if (more != null && !more.isNull()) {
            int line = keyLines.getOrDefault("networks", end + 1);
            if (!more.isObject()) {
                problem(line, Messages.get("lesson.read.networksNotNamed"));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = more.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    int entryLine = line(lines, entry.getKey(), line, end);
                    if (!NAME.matcher(entry.getKey()).matches() || entry.getKey().equals(MAIN_NETWORK)) {
                        problem(entryLine, Messages.get("lesson.read.badNetworkName", entry.getKey()));
                    } else {
                        networks.put(entry.getKey(), network(entry.getValue(), "networks." + entry.getKey(),
                                entryLine, source));
                    }
                }
            }
        }
        return new FrontMatter(end, title, summary, document, networks);
    }

    /** A network given by a path or inline, or null after reporting why it cannot be used. */
    private NetworkDocument network(JsonNode node, String field, int line, NetworkSource source) {
        if (node.isTextual()) {
            try {
                return source.load(node.asText());
            } catch (NetworkFileException e) {
                problem(line, Messages.get("lesson.read.field", field, e.getMessage()));
            }
        } else if (node.isObject()) {
            try {
                return NetworkFile.parse(JSON.writeValueAsString(numbersFromText((ObjectNode) node)), field);
            } catch (NetworkFileException e) {
                problem(line, e.getMessage());
            } catch (JsonProcessingException e) {
                problem(line, Messages.get("lesson.read.field", field, JsonProblems.describe(e.getOriginalMessage())));
            }
        } else {
            problem(line, Messages.get("lesson.read.field", field, Messages.get("lesson.read.networkNeither", field)));
        }
        return null;
    }

    /** The line of "  key:" between two lines (1-based), or {@code fallback}. */
    private static int line(String[] lines, String key, int from, int end) {
        for (int i = from; i < end; i++) {
            if (lines[i].strip().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return from;
    }

    /**
     * YAML reads {@code 1e-3} (no decimal point) as text; in the numeric fields of a network that can only mean the
     * number, so such text becomes the number before the engine's reader sees it.
     */
    private static ObjectNode numbersFromText(ObjectNode network) {
        ObjectNode copy = network.deepCopy();
        for (String field : NUMERIC_NETWORK_FIELDS) {
            if (copy.has(field)) {
                copy.set(field, convert(copy.get(field)));
            }
        }
        return copy;
    }

    private static JsonNode convert(JsonNode node) {
        if (node.isTextual() && NUMBER.matcher(node.asText().strip()).matches()) {
            double value = Double.parseDouble(node.asText().strip());
            if (Double.isInfinite(value)) {
                // kept as the decimal it is, so that the network reader reports it as out of range, not "Infinity"
                try {
                    return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                            new java.math.BigDecimal(node.asText().strip()));
                } catch (NumberFormatException e) {
                    return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(java.math.BigDecimal.TEN.pow(400));
                }
            }
            return DoubleNode.valueOf(value);
        }
        if (node.isArray()) {
            ArrayNode array = ((ArrayNode) node).arrayNode();
            node.forEach(child -> array.add(convert(child)));
            return array;
        }
        return node;
    }

    // ---- steps ---------------------------------------------------------------------------------------------------

    private Lesson lesson(String text, NetworkSource source) throws LessonException {
        String[] lines = lines(text);
        FrontMatter front = frontMatter(lines, source);
        if (front.document == null) {
            throwIfProblems();
        }
        for (NetworkDocument d : front.networks.values()) {
            if (d == null) {
                throwIfProblems();
            }
        }
        throwIfProblems();
        NetworkDocument doc = front.document;
        Map<String, Analyses> analyses = new HashMap<>();
        front.networks.forEach((name, d) -> analyses.put(name, new Analyses(d)));
        List<LessonStep> steps = new ArrayList<>();
        State state = new State();
        StepBuilder current = null;
        boolean fenced = false;
        for (int i = front.end + 1; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            String stripped = line.strip();
            if (!fenced && line.startsWith("## ")) {
                if (current != null) {
                    steps.add(current.build(steps.size() + 1, state, analyses));
                }
                current = new StepBuilder(line.substring(3).strip(), lineNumber);
                if (current.title.isEmpty()) {
                    problem(lineNumber, Messages.get("lesson.read.stepNoTitle"));
                }
                continue;
            }
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fenced = !fenced;
            }
            if (current == null) {
                if (!stripped.isEmpty()) {
                    problem(lineNumber, Messages.get("lesson.read.textBeforeFirstStep"));
                }
                continue;
            }
            if (!fenced && line.startsWith("@")) {
                directive(current, line, lineNumber);
            } else {
                current.prose(line, lineNumber);
            }
        }
        if (current != null) {
            steps.add(current.build(steps.size() + 1, state, analyses));
        }
        if (steps.isEmpty()) {
            problem(lines.length, Messages.get("lesson.read.noSteps"));
        }
        throwIfProblems();
        return new Lesson(file, front.title, front.summary, doc, steps);
    }

    /** Reads a directive line's syntax; its argument is checked when the step is complete (see {@link #apply}). */
    private void directive(StepBuilder step, String line, int lineNumber) {
        Matcher matcher = DIRECTIVE.matcher(line.strip());
        if (!matcher.matches()) {
            problem(lineNumber, Messages.get("lesson.read.notADirective"));
            return;
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        String argument = matcher.group(2).strip();
        if (!DIRECTIVES.contains(name)) {
            problem(lineNumber, Messages.get("lesson.read.unknownDirective", matcher.group(1), suggestion(name, DIRECTIVES),
                    String.join(", ", DIRECTIVES.stream().map(d -> "@" + d).toList())));
            return;
        }
        if (argument.isEmpty() && !name.equals("predict")) {
            problem(lineNumber, Messages.get("lesson.read.needsArgument", name, example(name)));
            return;
        }
        if (!name.equals("highlight") && !name.equals("expect")) {
            Integer earlier = step.seen.putIfAbsent(name, lineNumber);
            if (earlier != null) {
                problem(lineNumber, Messages.get("lesson.read.givenTwice", name, String.valueOf(earlier)));
                return;
            }
        }
        step.directives.add(new Directive(name, argument, lineNumber));
    }

    private record Directive(String name, String argument, int line) {
    }

    /** Checks a directive's argument against the step's network and records it in the step. */
    private void apply(StepBuilder step, Directive directive, NetworkDocument doc) {
        String name = directive.name;
        String argument = directive.argument;
        int lineNumber = directive.line;
        int depth = doc.network().depth();
        int m = doc.batch().size();
        try {
            switch (name) {
                case "network" -> {
                    // chosen in StepBuilder.build before the other directives
                }
                case "step" -> {
                    List<String> ids = stepIds(doc);
                    if (!ids.contains(argument)) {
                        throw new IllegalArgumentException(Messages.get("lesson.read.unknownStep", argument,
                                suggestion(argument, ids), String.join(" ", ids)));
                    }
                    step.stepId = argument;
                }
                case "highlight" -> {
                    Matcher entries = ENTRY.matcher(argument);
                    int at = 0;
                    while (entries.find()) {
                        if (!argument.substring(at, entries.start()).isBlank()
                                && !argument.substring(at, entries.start()).strip().equals(",")) {
                            break;
                        }
                        step.highlights.add(Quantity.parse(entries.group(), doc.network(), m));
                        at = entries.end();
                    }
                    if (!argument.substring(at).isBlank()) {
                        throw new IllegalArgumentException(Messages.get("lesson.read.cannotRead",
                                argument.substring(at).strip(), Quantity.forms()));
                    }
                }
                case "mistake" -> step.mistake = Mistake.fromId(argument).orElseThrow(() -> new IllegalArgumentException(
                        Messages.get("lesson.read.unknownMistake", argument, suggestion(argument,
                                Arrays.stream(Mistake.values()).map(Mistake::id).toList()), Mistake.ids())));
                case "epsilon" -> step.epsilon = epsilon(argument);
                case "method" -> step.method = DifferenceMethod.fromId(argument).orElseThrow(() ->
                        new IllegalArgumentException(Messages.get("lesson.read.unknownMethod", argument,
                                suggestion(argument, Arrays.stream(DifferenceMethod.values())
                                .map(DifferenceMethod::id).toList()), DifferenceMethod.ids())));
                case "notation" -> step.notation = notation(argument).orElseThrow(() ->
                        new IllegalArgumentException(Messages.get("lesson.read.unknownNotation", argument)));
                case "view" -> step.view = View.fromId(argument).orElseThrow(() -> new IllegalArgumentException(
                        Messages.get("lesson.read.unknownView", argument, suggestion(argument,
                                Arrays.stream(View.values()).map(View::id).toList()), View.ids())));
                case "expect" -> step.claims.add(new LessonStep.Expectation(lineNumber,
                        Claim.parse(argument, doc.network(), m)));
                case "quiz" -> {
                    Matcher quiz = QUIZ.matcher(argument);
                    if (!quiz.matches()) {
                        throw new IllegalArgumentException(Messages.get("lesson.read.quizForm", example("quiz")));
                    }
                    Quantity entry = Quantity.parse(quiz.group(1), doc.network(), m);
                    if (!entry.isEntry()) {
                        throw new IllegalArgumentException(Messages.get("lesson.read.quizOneNumber", entry.id()));
                    }
                    step.quizEntry = entry;
                    step.quizLine = lineNumber;
                    if (quiz.group(2) != null) {
                        double tolerance = number(quiz.group(2));
                        if (!(tolerance > 0)) {
                            throw new IllegalArgumentException(Messages.get("lesson.read.quizTolerance"));
                        }
                        step.quizTolerance = tolerance;
                    }
                }
                case "derive" -> {
                    Quantity entry = Quantity.parse(argument, doc.network(), m);
                    if (!entry.isDerivable()) {
                        throw new IllegalArgumentException(Messages.get("lesson.read.notDerivable", argument,
                                Quantity.derivableForms()));
                    }
                    step.deriveEntry = entry;
                }
                case "predict" -> {
                    if (!argument.isEmpty()) {
                        throw new IllegalArgumentException(Messages.get("lesson.read.predictArgument"));
                    }
                    step.predict = true;
                }
                default -> throw new IllegalStateException(name);
            }
        } catch (NumberFormatException e) {
            // every number is matched before it is parsed; this is the net under that, not a message to show
            problem(lineNumber, Messages.get("lesson.read.directive", name,
                    Messages.get("lesson.read.numberOutOfRange", shortened(argument))));
        } catch (IllegalArgumentException e) {
            problem(lineNumber, Messages.get("lesson.read.directive", name, e.getMessage()));
        }
    }

    /**
     * Why JLaTeXMath, which typesets the app's formulas, cannot read a formula; empty if it can. Checked here so that
     * a broken formula is a line-numbered problem instead of an error box in the app.
     */
    static Optional<String> typesetProblem(String tex) {
        Optional<String> outside = TexSubset.problem(tex);
        if (outside.isPresent()) {
            return Optional.of(Messages.get("lesson.read.formulaOutside", shortened(tex), outside.get()));
        }
        try {
            new TeXFormula(tex);
            return Optional.empty();
        } catch (ParseException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return Optional.of(Messages.get("lesson.read.formulaCannotBeTypesetBecause", shortened(tex), reason));
        } catch (RuntimeException | StackOverflowError e) {
            // the subset should make this impossible; a lesson must still never crash the validator
            return Optional.of(Messages.get("lesson.read.formulaCannotBeTypeset", shortened(tex)));
        }
    }

    /** A formula as a message quotes it: at most {@value #QUOTED_FORMULA} characters. */
    private static String shortened(String tex) {
        return tex.length() <= QUOTED_FORMULA ? tex : tex.substring(0, QUOTED_FORMULA) + "...";
    }

    /** How much of a refused formula a message quotes; enough to find it in the lesson. */
    private static final int QUOTED_FORMULA = 80;

    /** The step ids of the app's step list for a network (the contract of {@link Steps}). */
    static List<String> stepIds(NetworkDocument doc) {
        return Steps.of(doc.network()).stream().map(Step::id).toList();
    }

    /** "note" or "nielsen", as a lesson writes them. */
    static Optional<Notation> notation(String id) {
        return Arrays.stream(Notation.values()).filter(n -> n.name().equalsIgnoreCase(id.strip())).findFirst();
    }

    private static double epsilon(String text) {
        try {
            return org.backprop.workbench.numeric.Epsilon.parseOrAuto(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.get("lesson.read.badEpsilon", text.strip()));
        }
    }

    private static double number(String text) {
        String t = text.strip().replace('−', '-');
        if (NUMBER.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        throw new IllegalArgumentException(Messages.get("lesson.read.notANumber", text.strip()));
    }

    private static String example(String directive) {
        return switch (directive) {
            case "network" -> Messages.get("lesson.read.networkExample");
            case "step" -> "@step delta1";
            case "highlight" -> "@highlight w1[0,2] delta1[0,0]";
            case "mistake" -> Messages.get("lesson.read.mistakeExample");
            case "epsilon" -> "@epsilon 1e-3";
            case "method" -> "@method forward";
            case "notation" -> "@notation nielsen";
            case "view" -> "@view checks";
            case "expect" -> "@expect BP2 layer 1 fails";
            case "quiz" -> "@quiz delta1[0,0] tolerance 1e-3";
            case "derive" -> "@derive delta1[0,2]";
            default -> "@" + directive;
        };
    }

    /** " (did you mean "x"?)" for the closest name within two edits (or the one it begins), or "". */
    static String suggestion(String given, java.util.Collection<String> names) {
        return Names.closestOrUniquePrefix(given, names).map(n -> Messages.get("lesson.read.didYouMean", n)).orElse("");
    }

    private void problem(int line, String message) {
        problems.add(new LessonProblem(file, line, message));
    }

    private void throwIfProblems() throws LessonException {
        if (!problems.isEmpty()) {
            throw new LessonException(problems);
        }
    }

    /** The settings that carry from step to step. */
    private static final class State {
        String network = MAIN_NETWORK;
        String stepId;
        Mistake mistake = Mistake.NONE;
        double epsilon = Thresholds.DEFAULT_EPSILON;
        DifferenceMethod method = DifferenceMethod.CENTRAL;
        Notation notation = Notation.NOTE;
        View view = View.STEPS;
    }

    /** One step as it is being read. */
    private final class StepBuilder {
        final String title;
        final int line;
        final List<String> prose = new ArrayList<>();
        final List<Integer> proseLines = new ArrayList<>();
        final Map<String, Integer> seen = new LinkedHashMap<>();
        final List<Directive> directives = new ArrayList<>();
        final List<Quantity> highlights = new ArrayList<>();
        final List<LessonStep.Expectation> claims = new ArrayList<>();
        String stepId;
        Mistake mistake;
        Double epsilon;
        DifferenceMethod method;
        Notation notation;
        View view;
        Quantity quizEntry;
        Quantity deriveEntry;
        int quizLine;
        Double quizTolerance;
        boolean predict;

        StepBuilder(String title, int line) {
            this.title = title;
            this.line = line;
        }

        void prose(String text, int lineNumber) {
            prose.add(text.startsWith("\\@") ? text.substring(1) : text);
            proseLines.add(lineNumber);
        }

        LessonStep build(int number, State state, Map<String, Analyses> networks) {
            for (Directive d : directives) {
                if (d.name.equals("network")) {
                    if (networks.containsKey(d.argument)) {
                        state.network = d.argument;
                    } else {
                        problem(d.line, Messages.get("lesson.read.unknownNetwork", d.argument,
                                suggestion(d.argument, networks.keySet()), String.join(", ", networks.keySet())));
                    }
                }
            }
            Analyses analyses = networks.get(state.network);
            NetworkDocument doc = analyses.document();
            for (Directive d : directives) {
                apply(this, d, doc);
            }
            if (stepId != null) state.stepId = stepId;
            if (state.stepId != null && !stepIds(doc).contains(state.stepId)) {
                state.stepId = null;   // carried over from a deeper network
            }
            if (mistake != null) state.mistake = mistake;
            if (epsilon != null) state.epsilon = epsilon;
            if (method != null) state.method = method;
            if (notation != null) state.notation = notation;
            if (view != null) state.view = view;
            int first = 0;
            while (first < prose.size() && prose.get(first).isBlank()) {
                first++;
            }
            int last = prose.size();
            while (last > first && prose.get(last - 1).isBlank()) {
                last--;
            }
            Prose text = Prose.of(String.join("\n", prose.subList(first, last)));
            int firstProseLine = first < proseLines.size() ? proseLines.get(first) : line;
            for (Prose.Problem p : text.problems()) {
                problem(firstProseLine + p.line(), p.message());
            }
            for (Prose.Formula f : text.formulasWithLines()) {
                typesetProblem(f.tex()).ifPresent(message -> problem(firstProseLine + f.line(), message));
            }
            Quiz quiz = quizEntry == null ? null
                    : Quiz.of(analyses.document(), quizEntry, quizTolerance, state.method, state.epsilon);
            Prediction prediction = predict ? Prediction.of(analyses.get(state.mistake, state.method, state.epsilon)) : null;
            return new LessonStep(number, title, line, text, state.network, doc, state.stepId, highlights,
                    state.mistake, state.epsilon, state.method, state.notation, state.view, claims, quiz, prediction,
                    deriveEntry);
        }
    }

    /** Analyses of the lesson's network, one per mistake and ε, computed once. */
    static final class Analyses {
        private final NetworkDocument doc;
        private final Map<String, Analysis> cache = new HashMap<>();

        Analyses(NetworkDocument doc) {
            this.doc = doc;
        }

        NetworkDocument document() {
            return doc;
        }

        Analysis get(Mistake mistake, DifferenceMethod method, double epsilon) {
            return cache.computeIfAbsent(mistake.id() + "/" + method.id() + "@" + epsilon, key ->
                    FastGradientCheck.analyse(doc.network(), doc.batch(), new Backprop(mistake),
                            new CheckOptions(method, epsilon, Precision.DOUBLE, CheckMode.ALL, CheckOptions.allCores()),
                            CheckProgress.NONE));
        }
    }
}

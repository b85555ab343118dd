package org.backprop.workbench.io;

import org.backprop.workbench.i18n.Messages;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a malformed JSON (or YAML) text, in the current language: Jackson's message (its
 * {@code getOriginalMessage()}, in English and naming its own classes) read for the common kinds of failure — an
 * unexpected character, an unexpected end of input, a token of the wrong kind, a number out of range, a size limit —
 * and worded from the bundles. The line and column stay the reader's (before the message); a kind this class does
 * not know keeps Jackson's text, cleaned of what speaks of Jackson. Used by the network, values and lesson readers.
 */
public final class JsonProblems {
    private JsonProblems() {
    }

    /** How deep the JSON reader lets arrays and objects nest (Jackson's default limit). */
    static final int MAX_NESTING = 1000;

    /** Jackson's messages for its size limits, which name its classes ("StreamReadConstraints.getMaxNumberLength()"). */
    private static final Pattern LIMIT = Pattern.compile(
            "(Number value|String value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    /** A raw control character in a string ("Illegal unquoted character ((CTRL-CHAR, code 27))"). */
    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    /** Where Jackson's message says something is ("[Source: (byte[])...; line: 3, column: 7]"). */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    /** "Unexpected character ('}' (code 125)): was expecting double-quote to start field name". */
    private static final Pattern CHARACTER = Pattern.compile(
            "^Unexpected character \\((.+?) \\(code \\d+\\)\\)(?:(?::|,)? ?(.*))?$", Pattern.DOTALL);

    /** "Unrecognized token 'x': was expecting (JSON String, Number, ...)". */
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '(.*?)'", Pattern.DOTALL);

    /** "Unexpected end-of-input: expected close marker for Array (start marker at [Source: ...])". */
    private static final Pattern UNCLOSED = Pattern.compile(
            "^Unexpected end-of-input: expected close marker for (Array|Object) \\(start marker at (\\[Source.*?])\\)",
            Pattern.DOTALL);

    /** "Unexpected close marker ']': expected '}' (for Object starting at [Source: ...])". */
    private static final Pattern CLOSER = Pattern.compile(
            "^Unexpected close marker '(.)': expected '(.)' \\(for (Array|Object) starting at (\\[Source.*?])\\)",
            Pattern.DOTALL);

    /** "Unexpected token (END_ARRAY), expected VALUE_STRING" and the like (a token of the wrong kind). */
    private static final Pattern TOKEN = Pattern.compile("^Unexpected token \\(?([A-Z_]+)\\)?(?:, expected ([A-Z_]+))?");

    /** "Numeric value (99999999999) out of range of int (-2147483648 - 2147483647)". */
    private static final Pattern RANGE = Pattern.compile(
            "^Numeric value \\((.*?)\\) out of range of (\\w+) \\((-?\\d+) - (-?\\d+)\\)", Pattern.DOTALL);

    /** What Jackson says a character should have been, by the words it uses. */
    private static final Map<String, String> EXPECTED = Map.of(
            "was expecting double-quote to start field name", "json.expect.fieldName",
            "was expecting comma to separate Object entries", "json.expect.commaObject",
            "was expecting comma to separate Array entries", "json.expect.commaArray",
            "was expecting a colon to separate field name and value", "json.expect.colon");

    /** The message for Jackson's {@code getOriginalMessage()}, without "malformed JSON:" before it. */
    public static String describe(String message) {
        if (message == null || message.isBlank()) {
            return Messages.get("json.unknown");
        }
        if (message.startsWith("Trailing token")) {
            return Messages.get("network.trailing");
        }
        if (message.startsWith("Document nesting depth")) {
            return Messages.get("network.tooDeep", String.valueOf(MAX_NESTING));
        }
        Matcher control = CONTROL.matcher(message);
        if (control.find()) {
            int code = Integer.parseInt(control.group(1));
            return Messages.get("network.controlCharacter", String.format("%04X", code), String.format("%04x", code));
        }
        Matcher limit = LIMIT.matcher(message);
        if (limit.find()) {
            return switch (limit.group(1)) {
                case "Number value" -> Messages.get("network.numberTooLong", limit.group(2), limit.group(3));
                case "String value" -> Messages.get("network.stringTooLong", limit.group(2), limit.group(3));
                default -> Messages.get("network.nameTooLong", limit.group(2), limit.group(3));
            };
        }
        Matcher m = CHARACTER.matcher(message);
        if (m.find()) {
            String character = m.group(1);
            String rest = m.group(2) == null ? "" : m.group(2);
            if (rest.contains("comment")) {
                return Messages.get("json.comment", character);
            }
            if (rest.startsWith("in numeric value") || rest.startsWith("in numeric")) {
                return Messages.get("json.unexpectedInNumber", character);
            }
            String expected = EXPECTED.entrySet().stream().filter(e -> rest.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (expected == null && rest.startsWith("expected a valid value")) {
                expected = "json.expect.value";
            }
            return expected == null ? Messages.get("json.unexpectedCharacter", character)
                    : Messages.get("json.unexpectedCharacterExpected", character, Messages.get(expected));
        }
        m = UNRECOGNIZED.matcher(message);
        if (m.find()) {
            return Messages.get("json.unrecognizedToken", "'" + m.group(1) + "'", Messages.get("json.expect.value"));
        }
        m = UNCLOSED.matcher(message);
        if (m.find()) {
            return Messages.get(m.group(1).equals("Array") ? "json.unclosedArray" : "json.unclosedObject",
                    where(m.group(2)));
        }
        if (message.startsWith("Unexpected end-of-input")) {
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            return Messages.get(lower.contains("quote") || lower.contains("field name") || lower.contains("string")
                    ? "json.endOfInputInString" : "json.endOfInput");
        }
        m = CLOSER.matcher(message);
        if (m.find()) {
            return Messages.get(m.group(3).equals("Array") ? "json.closerArray" : "json.closerObject",
                    "'" + m.group(1) + "'", "'" + m.group(2) + "'", where(m.group(4)));
        }
        m = TOKEN.matcher(message);
        if (m.find()) {
            return m.group(2) == null ? Messages.get("json.wrongToken", token(m.group(1)))
                    : Messages.get("json.wrongTokenExpected", token(m.group(1)), token(m.group(2)));
        }
        m = RANGE.matcher(message);
        if (m.find()) {
            return Messages.get("json.outOfRange", m.group(1), m.group(2), m.group(3), m.group(4));
        }
        return message
                .replaceAll(",? ?from `[A-Za-z.]+\\(\\)`", "")
                .transform(JsonProblems::withLocations)
                .replace("(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
                        Messages.get("network.noComments"));
    }

    /**
     * The YAML reader's (SnakeYAML's) message for a lesson's front matter, in the current language: its common kinds
     * (a list or map left open, a colon inside a value, an open quote, a tab, a line without a colon, an indentation
     * that does not match) from the bundles, anything else its first line; null or blank gives null.
     */
    public static String describeYaml(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String key;
        if (message.contains("cannot start any token") && message.contains("\\t")) {
            key = "yaml.tab";
        } else if (message.contains("flow sequence")) {
            key = "yaml.unclosedList";
        } else if (message.contains("flow mapping")) {
            key = "yaml.unclosedMap";
        } else if (message.contains("mapping values are not allowed here")) {
            key = "yaml.colonInValue";
        } else if (message.contains("quoted scalar")) {
            key = "yaml.unclosedQuote";
        } else if (message.contains("could not find expected ':'")) {
            key = "yaml.noColon";
        } else if (message.contains("did not find expected key") || message.contains("expected <block end>")) {
            key = "yaml.indentation";
        } else {
            return message.lines().findFirst().orElse(message);
        }
        return Messages.get(key);
    }

    /** Jackson's "[Source: ...; line: 3, column: 7]" as the readers write a place ("line 3, column 7"). */
    private static String where(String source) {
        Matcher m = SOURCE.matcher(source);
        return m.find() ? NetworkFileException.lineColumn(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                : source;
    }

    private static String withLocations(String message) {
        return SOURCE.matcher(message).replaceAll(source -> Matcher.quoteReplacement(
                NetworkFileException.lineColumn(Integer.parseInt(source.group(1)), Integer.parseInt(source.group(2)))));
    }

    /** A Jackson token kind (START_ARRAY, VALUE_STRING) as the reader would name it. */
    private static String token(String kind) {
        return switch (kind) {
            case "START_OBJECT" -> "'{'";
            case "END_OBJECT" -> "'}'";
            case "START_ARRAY" -> "'['";
            case "END_ARRAY" -> "']'";
            case "VALUE_TRUE" -> "true";
            case "VALUE_FALSE" -> "false";
            case "VALUE_NULL" -> "null";
            case "VALUE_STRING" -> Messages.get("json.token.string");
            case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> Messages.get("json.token.number");
            case "FIELD_NAME" -> Messages.get("json.token.name");
            default -> kind;
        };
    }
}

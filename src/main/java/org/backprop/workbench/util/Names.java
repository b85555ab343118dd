package org.backprop.workbench.util;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for a misspelt name, written once for the file reader, the lesson parser and the CLI. */
public final class Names {
    /**
     * At most two letters off: enough for a typo or a swapped pair ("sigmiod"), few enough that an unrelated short
     * name is not offered.
     */
    public static final int MAX_EDITS = 2;
    /** A given text this long or longer that begins exactly one name is taken for that name ("binary" → binary-…). */
    public static final int MIN_PREFIX = 3;

    private Names() {
    }

    /** The name closest to the given one within {@link #MAX_EDITS} edits, ignoring case; the first of equals wins. */
    public static Optional<String> closest(String given, Collection<String> names) {
        String wanted = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String name : names) {
            int d = editDistance(wanted, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@link #closest}, or else the one name the given text (at least {@link #MIN_PREFIX} letters) begins. */
    public static Optional<String> closestOrUniquePrefix(String given, Collection<String> names) {
        Optional<String> best = closest(given, names);
        if (best.isPresent() || given.length() < MIN_PREFIX) {
            return best;
        }
        String wanted = given.toLowerCase(Locale.ROOT);
        List<String> starting = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(wanted)).toList();
        return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
    }

    /** The Levenshtein distance: insertions, deletions and substitutions of one character. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

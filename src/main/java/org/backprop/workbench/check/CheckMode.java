package org.backprop.workbench.check;

import org.backprop.workbench.i18n.Messages;

import java.util.Locale;

/**
 * Which numbers a gradient check covers.
 */
public sealed interface CheckMode {
    /** Every δ^l_jx, every bias and every weight. */
    CheckMode ALL = new All();

    /**
     * "every number" or "a sample of 20 weights per layer (seed 1), every δ and bias", always in English: the JSON
     * reports write it, and their content does not change with the language.
     */
    default String describe() { return describe(Locale.ENGLISH); }

    /** {@link #describe()} in the current language, for the text and Markdown reports. */
    default String label() { return describe(Messages.locale()); }

    /** {@link #describe()} in {@code language}. */
    String describe(Locale language);

    /** Every number. */
    record All() implements CheckMode {
        @Override
        public String describe(Locale language) { return Messages.get(language, "check.mode.all"); }
    }

    /**
     * A stratified sample: {@code perArray} weights drawn without replacement from each w^l (all of them if w^l is
     * smaller), with every bias and every δ^l_jx, which are few. The same seed draws the same sample.
     *
     * @param perArray how many weights per layer, at least 1
     * @param seed     the seed of the draw
     */
    record Sample(int perArray, long seed) implements CheckMode {
        public Sample {
            if (perArray < 1) {
                throw new IllegalArgumentException("a sample needs at least 1 weight per layer, not " + perArray);
            }
        }

        @Override
        public String describe(Locale language) {
            return Messages.get(language, "check.mode.sample", perArray, String.valueOf(seed));
        }
    }
}

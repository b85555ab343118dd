package org.backprop.workbench.check;

/**
 * Which numbers a gradient check covers.
 */
public sealed interface CheckMode {
    /** Every δ^l_jx, every bias and every weight. */
    CheckMode ALL = new All();

    /** "every number" or "a sample of 20 weights per layer (seed 1), every δ and bias". */
    String describe();

    /** Every number. */
    record All() implements CheckMode {
        @Override
        public String describe() { return "every number"; }
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
        public String describe() {
            return "a sample of " + perArray + " weights per layer (seed " + seed + "), every δ and bias";
        }
    }
}

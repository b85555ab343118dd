package org.backprop.workbench.check;

import java.util.Collection;

/** Counts of verdicts and the worst relative error over some checks. */
public record CheckSummary(int checked, int pass, int warn, int fail, int kink, double maxRelativeError) {

    public static CheckSummary of(Collection<CheckResult> results) {
        int pass = 0, warn = 0, fail = 0, kink = 0;
        double max = 0;
        for (CheckResult r : results) {
            switch (r.verdict()) {
                case PASS -> pass++;
                case WARN -> warn++;
                case FAIL -> fail++;
                case KINK -> kink++;
            }
            if (Double.isNaN(r.relativeError())) {
                max = Double.NaN;
            } else if (!Double.isNaN(max)) {
                max = Math.max(max, r.relativeError());
            }
        }
        return new CheckSummary(results.size(), pass, warn, fail, kink, max);
    }

    /** The verdict of the group: fail if any fails, else warn if any warns, else kink if any kink, else pass. */
    public Verdict verdict() {
        if (fail > 0) return Verdict.FAIL;
        if (warn > 0) return Verdict.WARN;
        if (kink > 0) return Verdict.KINK;
        return Verdict.PASS;
    }
}

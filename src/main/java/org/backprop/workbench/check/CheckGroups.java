package org.backprop.workbench.check;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of an analysis grouped by formula and layer, with each group's summary, the whole summary and the worst
 * check, made in one pass and kept for the last few check lists (by identity). The window asks for these on every
 * step-list cell, the step view, the diagram and the table's summary; each asked streamed all 111,002 checks of
 * 784-128-64-10, several times per pulse on the FX thread. The model makes them on its own thread before it
 * publishes (PulseLatencyBenchmark).
 */
final class CheckGroups {
    /** Check lists remembered: the window's analysis, the one before it, and one of the training panel's. */
    private static final int KEPT = 3;
    private static final List<CheckGroups> RECENT = new ArrayList<>(KEPT);

    private final WeakReference<List<CheckResult>> source;
    private final Map<Formula, Map<Integer, List<CheckResult>>> groups = new EnumMap<>(Formula.class);
    private final Map<Formula, Map<Integer, CheckSummary>> summaries = new EnumMap<>(Formula.class);
    private final CheckSummary all;
    private final CheckResult worst;

    private CheckGroups(List<CheckResult> checks) {
        source = new WeakReference<>(checks);
        Map<Formula, Map<Integer, List<CheckResult>>> made = new EnumMap<>(Formula.class);
        CheckResult worstSoFar = null;
        for (CheckResult c : checks) {
            made.computeIfAbsent(c.formula(), f -> new HashMap<>())
                    .computeIfAbsent(c.layer(), l -> new ArrayList<>()).add(c);
            if (worstSoFar == null || order(c) > order(worstSoFar)) {
                worstSoFar = c;
            }
        }
        made.forEach((f, byLayer) -> byLayer.forEach((l, list) -> {
            groups.computeIfAbsent(f, x -> new HashMap<>()).put(l, Collections.unmodifiableList(list));
            summaries.computeIfAbsent(f, x -> new HashMap<>()).put(l, CheckSummary.of(list));
        }));
        all = CheckSummary.of(checks);
        worst = worstSoFar;
    }

    /** A relative error as the worst-first order reads it: NaN (a non-finite value) above every number. */
    private static double order(CheckResult c) {
        return Double.isNaN(c.relativeError()) ? Double.POSITIVE_INFINITY : c.relativeError();
    }

    /** The groups of this list of checks (not modified), made now or remembered from an earlier call. */
    static CheckGroups of(List<CheckResult> checks) {
        synchronized (RECENT) {
            for (int i = 0; i < RECENT.size(); i++) {
                CheckGroups g = RECENT.get(i);
                if (g.source.get() == checks) {
                    if (i > 0) {
                        RECENT.remove(i);
                        RECENT.add(0, g);
                    }
                    return g;
                }
            }
        }
        CheckGroups made = new CheckGroups(checks);   // outside the lock: 111,002 checks take a few ms
        synchronized (RECENT) {
            RECENT.removeIf(g -> g.source.get() == null || g.source.get() == checks);
            RECENT.add(0, made);
            while (RECENT.size() > KEPT) {
                RECENT.remove(RECENT.size() - 1);
            }
        }
        return made;
    }

    /** The checks of one formula in one layer, in the analysis's order; empty if there are none. */
    List<CheckResult> checks(Formula formula, int layer) {
        return groups.getOrDefault(formula, Map.of()).getOrDefault(layer, List.of());
    }

    CheckSummary summary(Formula formula, int layer) {
        CheckSummary s = summaries.getOrDefault(formula, Map.of()).get(layer);
        return s != null ? s : CheckSummary.of(List.of());
    }

    CheckSummary summary() { return all; }

    /** The check with the largest relative error (NaN counts as the largest), the first of equals; null if none. */
    CheckResult worst() { return worst; }
}

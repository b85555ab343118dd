package org.backprop.workbench.check;

import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;

import java.util.List;

/**
 * A network run forward and backward on a batch, with every formula checked.
 */
public record Analysis(Network network, Batch batch, Mistake mistake, double epsilon,
                       ForwardTrace forward, BackwardTrace backward, List<CheckResult> checks) {

    public Analysis {
        checks = List.copyOf(checks);
    }

    public CheckSummary summary() {
        return CheckSummary.of(checks);
    }

    /** The checks of one formula in one layer. */
    public List<CheckResult> checks(Formula formula, int layer) {
        return checks.stream().filter(c -> c.formula() == formula && c.layer() == layer).toList();
    }

    public CheckSummary summary(Formula formula, int layer) {
        return CheckSummary.of(checks(formula, layer));
    }

    /** The checks whose verdict is FAIL. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> c.verdict() == Verdict.FAIL).toList();
    }
}

package org.backprop.workbench.check;

import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;

import java.util.List;

/**
 * A network run forward and backward on a batch, with every formula checked.
 *
 * @param epsilon   the step h of the numerical method
 * @param method    how the numerical values were estimated
 * @param precision the arithmetic of the numerical side's forward passes
 * @param mode      which numbers were checked
 */
public record Analysis(Network network, Batch batch, Mistake mistake, double epsilon,
                       ForwardTrace forward, BackwardTrace backward, List<CheckResult> checks,
                       DifferenceMethod method, Precision precision, CheckMode mode) {

    public Analysis {
        checks = List.copyOf(checks);
    }

    /** Every number checked by central differences in double. */
    public Analysis(Network network, Batch batch, Mistake mistake, double epsilon,
                    ForwardTrace forward, BackwardTrace backward, List<CheckResult> checks) {
        this(network, batch, mistake, epsilon, forward, backward, checks, DifferenceMethod.CENTRAL, Precision.DOUBLE,
                CheckMode.ALL);
    }

    public CheckSummary summary() {
        return CheckGroups.of(checks).summary();
    }

    /** The checks of one formula in one layer, in the order of {@link #checks()}. */
    public List<CheckResult> checks(Formula formula, int layer) {
        return CheckGroups.of(checks).checks(formula, layer);
    }

    public CheckSummary summary(Formula formula, int layer) {
        return CheckGroups.of(checks).summary(formula, layer);
    }

    /**
     * The check with the largest relative error, a non-finite one (NaN) above every number, the first of equals;
     * null if there are no checks.
     */
    public CheckResult worst() {
        return CheckGroups.of(checks).worst();
    }

    /** The checks whose verdict is FAIL. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> c.verdict() == Verdict.FAIL).toList();
    }
}

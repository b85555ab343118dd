package org.backprop.workbench.app.panels;

import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.lesson.Quantity;

import java.util.Arrays;
import java.util.List;

/**
 * The numbers the views hide while a lesson's quiz asks for an entry: the entry itself and any entry that is the
 * same number by definition (with one sample, ∂C/∂b^l_j = δ^l_j, so neither may show while the other is asked).
 */
public final class HiddenNumbers {
    private HiddenNumbers() {
    }

    /** The entry and those equal to it by definition, in a batch of m samples; empty for null. */
    public static List<Quantity> of(Quantity asked, int m) {
        if (asked == null || !asked.isEntry()) {
            return List.of();
        }
        int[] i = asked.index();
        if (m == 1 && asked.kind() == Quantity.Kind.DELTA) {
            return List.of(asked, new Quantity(Quantity.Kind.GRAD_B, asked.layer(), new int[]{i[0]}));
        }
        if (m == 1 && asked.kind() == Quantity.Kind.GRAD_B) {
            return List.of(asked, new Quantity(Quantity.Kind.DELTA, asked.layer(), new int[]{i[0], 0}));
        }
        return List.of(asked);
    }

    /** True if the check is of one of these entries. */
    public static boolean hides(List<Quantity> hidden, CheckResult check) {
        for (Quantity q : hidden) {
            Quantity.Kind kind = switch (check.formula()) {
                case BP1, BP2 -> Quantity.Kind.DELTA;
                case BP3 -> Quantity.Kind.GRAD_B;
                case BP4 -> Quantity.Kind.GRAD_W;
            };
            if (q.kind() == kind && q.layer() == check.layer() && Arrays.equals(q.index(), check.index())) {
                return true;
            }
        }
        return false;
    }
}

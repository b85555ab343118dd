package org.backprop.workbench.against;

import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Values files as a student's code with a given mistake would write them. */
final class Values {
    private Values() {
    }

    /** Every quantity, or only those in {@code only} (empty: all), as the engine computes them with {@code mistake}. */
    static StudentValues of(Network net, Batch batch, Mistake mistake, Set<Quantity> only) {
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop(mistake).run(net, forward, batch);
        Map<QuantityKey, DMatrixRMaj> values = new LinkedHashMap<>();
        for (QuantityKey key : Against.order(net.depth())) {
            if (only.isEmpty() || only.contains(key.quantity())) {
                values.put(key, Against.value(key, forward, backward).copy());
            }
        }
        return new StudentValues("test", ValuesFile.NOTE_NOTATION, values);
    }
}

package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The backward pass, one named method per equation of the note, batch forms throughout (one sample is m = 1):
 * <pre>
 *   ∇_a C   = (1/m) ∂C_x/∂a^L                      {@link #gradA}
 *   (BP1b)  δ^L = ∇_a C ⊙ σ'(z^L)                    {@link #bp1}   (softmax: J(z^L)^T ∇_a C)
 *   (BP2b)  δ^l = (w^{l+1} δ^{l+1}) ⊙ σ'(z^l)        {@link #bp2}   (softmax: J(z^l)^T w^{l+1} δ^{l+1})
 *   (BP3b)  ∂C/∂b^l = δ^l 1                          {@link #bp3}
 *   (BP4b)  ∂C/∂w^l = a^{l-1} (δ^l)^T                {@link #bp4}
 * </pre>
 * These are the right formulas only. {@link #run} asks the {@link Mistake} for each one: every mistake but NONE
 * overrides one of them (in {@code Mistake.java}) with a classic wrong version.
 */
public final class Backprop {
    private final Mistake mistake;

    public Backprop() {
        this(Mistake.NONE);
    }

    public Backprop(Mistake mistake) {
        this.mistake = mistake;
    }

    public Mistake mistake() { return mistake; }

    /** Runs the backward pass over a forward trace, with this pass's mistake (if any) in its one formula. */
    public BackwardTrace run(Network net, ForwardTrace forward, Batch batch) {
        int depth = net.depth();
        DMatrixRMaj[] delta = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] gradB = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] gradW = new DMatrixRMaj[depth + 1];

        DMatrixRMaj gradA = mistake.gradA(this, net.loss(), forward.z(depth), forward.a(depth), batch.targets());
        delta[depth] = mistake.bp1(this, net.activation(depth), gradA, forward.z(depth), forward.a(depth));
        for (int l = depth - 1; l >= 1; l--) {
            delta[l] = mistake.bp2(this, net.w(l + 1), delta[l + 1], net.activation(l), forward.z(l), forward.a(l));
        }
        for (int l = 1; l <= depth; l++) {
            gradB[l] = mistake.bp3(this, delta[l]);
            gradW[l] = mistake.bp4(this, forward, l, delta[l]);
        }
        return new BackwardTrace(gradA, delta, gradB, gradW);
    }

    /**
     * ∇_a C = (1/m) ∂C_x/∂a^L: the one place where the batch size enters.
     *
     * @param zL n_L x m, not modified
     * @param aL n_L x m, not modified
     * @param t  n_L x m targets, not modified
     * @return n_L x m
     */
    public DMatrixRMaj gradA(Loss loss, DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
        DMatrixRMaj g = loss.sampleGradA(zL, aL, t);
        CommonOps_DDRM.scale(1.0 / aL.numCols, g);
        return g;
    }

    /**
     * (BP1) δ^L = ∇_a C ⊙ σ'(z^L); for softmax, which is not elementwise, δ^L = J_softmax(z^L)^T ∇_a C.
     *
     * @param gradA ∇_a C, n_L x m, not modified
     * @param zL    z^L, n_L x m, not modified
     * @param aL    a^L, n_L x m, not modified (only the mistake "σ' at a" reads it)
     * @return δ^L, n_L x m
     */
    public DMatrixRMaj bp1(Activation sigma, DMatrixRMaj gradA, DMatrixRMaj zL, DMatrixRMaj aL) {
        return sigma.backward(zL, gradA);
    }

    /**
     * (BP2) δ^l = (w^{l+1} δ^{l+1}) ⊙ σ'(z^l); for a softmax layer, δ^l = J_softmax(z^l)^T (w^{l+1} δ^{l+1}).
     *
     * @param wNext     w^{l+1}, n_l x n_{l+1}, not modified
     * @param deltaNext δ^{l+1}, n_{l+1} x m, not modified
     * @param zl        z^l, n_l x m, not modified
     * @param al        a^l, n_l x m, not modified (only the mistake "σ' at a" reads it)
     * @return δ^l, n_l x m
     */
    public DMatrixRMaj bp2(DMatrixRMaj wNext, DMatrixRMaj deltaNext, Activation sigma, DMatrixRMaj zl, DMatrixRMaj al) {
        return sigma.backward(zl, backpropagated(wNext, deltaNext));
    }

    /**
     * w^{l+1} δ^{l+1}, the error carried back to layer l before σ' is applied (the first half of BP2).
     *
     * @param wNext     w^{l+1}, n_l x n_{l+1}, not modified
     * @param deltaNext δ^{l+1}, n_{l+1} x m, not modified
     * @return n_l x m
     */
    public DMatrixRMaj backpropagated(DMatrixRMaj wNext, DMatrixRMaj deltaNext) {
        DMatrixRMaj back = new DMatrixRMaj(wNext.numRows, deltaNext.numCols);
        CommonOps_DDRM.mult(wNext, deltaNext, back);   // n_l x n_{l+1} · n_{l+1} x m
        return back;
    }

    /**
     * (BP3b) ∂C/∂b^l = δ^l 1: the sum of δ^l over the samples (the 1/m is already inside δ^l).
     *
     * @param delta δ^l, n_l x m, not modified
     * @return n_l x 1
     */
    public DMatrixRMaj bp3(DMatrixRMaj delta) {
        DMatrixRMaj ones = new DMatrixRMaj(delta.numCols, 1);
        CommonOps_DDRM.fill(ones, 1.0);
        DMatrixRMaj gradB = new DMatrixRMaj(delta.numRows, 1);
        CommonOps_DDRM.mult(delta, ones, gradB);
        return gradB;
    }

    /**
     * (BP4b) ∂C/∂w^l = a^{l-1} (δ^l)^T: an outer product per sample, summed over the samples by the matrix product.
     *
     * @param aPrev a^{l-1}, n_{l-1} x m, not modified
     * @param delta δ^l, n_l x m, not modified
     * @return n_{l-1} x n_l, the shape of w^l
     */
    public DMatrixRMaj bp4(DMatrixRMaj aPrev, DMatrixRMaj delta) {
        DMatrixRMaj gradW = new DMatrixRMaj(aPrev.numRows, delta.numRows);
        CommonOps_DDRM.multTransB(aPrev, delta, gradW);
        return gradW;
    }
}

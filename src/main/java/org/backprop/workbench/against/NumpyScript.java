package org.backprop.workbench.against;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;

/**
 * A self-contained Python script (NumPy only) for a network: its parameters and batch, the forward pass, the
 * backward pass formula by formula in the note's names (∇_a C with the 1/m, BP1b-BP4b), and {@code --values FILE}
 * writing a values file (.json or .npz) that {@code check NET --against FILE} reads. The starter leaves each
 * backward formula as a marked gap for the student.
 */
public final class NumpyScript {
    /** The mark of a gap in the starter, one per formula, so that a student (or a test) can find them. */
    public static final String GAP = "# >>> YOUR CODE";

    private NumpyScript() {
    }

    /**
     * @param source  what the network was read from, named in the script's docstring
     * @param starter true for the student's starter (backward formulas left as gaps), false for the reference
     */
    public static String write(Network net, Batch batch, String source, boolean starter) {
        StringBuilder s = new StringBuilder();
        int depth = net.depth();
        s.append("#!/usr/bin/env python3\n");
        // the docstring in the current language (a Python 3 file is UTF-8); the code and the gap marker stay as they are
        s.append("\"\"\"").append(Messages.get("export.script.title", net.describe().replace("\"", "'"))).append("\n");
        s.append(Messages.get("export.script.from", source.replace("\"", "'"),
                Messages.get(starter ? "export.script.starter" : "export.script.reference"))).append("\n\n");
        s.append(Messages.get("export.script.notation")).append("\n\n");
        s.append("    python3 THIS.py --values mine.json      (or mine.npz)\n");
        s.append("    java -jar backprop-workbench.jar check ").append(source.replace("\"", "'"))
                .append(" --against mine.json\n");
        s.append("\"\"\"\n");
        s.append("import argparse\nimport json\n\nimport numpy as np\n\n");
        s.append("# ---- the network ----\n");
        s.append("sizes = ").append(sizes(net)).append("  # n_0 .. n_L\n");
        s.append("activation = [None");
        for (int l = 1; l <= depth; l++) {
            s.append(", \"").append(net.activation(l).id()).append('"');
        }
        s.append("]  # sigma of layer l\n");
        s.append("loss = \"").append(net.loss().id()).append("\"\n");
        s.append("L = ").append(depth).append("\n");
        s.append("w = [None,\n");
        for (int l = 1; l <= depth; l++) {
            s.append("     ").append(array(net.w(l))).append(",  # w^").append(l).append(": ")
                    .append(net.size(l - 1)).append(" x ").append(net.size(l)).append('\n');
        }
        s.append("     ]\n");
        s.append("b = [None,\n");
        for (int l = 1; l <= depth; l++) {
            s.append("     ").append(array(net.b(l))).append(",  # b^").append(l).append(": ")
                    .append(net.size(l)).append(" x 1\n");
        }
        s.append("     ]\n");
        s.append("X = ").append(array(batch.inputs())).append("  # a^0: n_0 x m, one sample per column\n");
        s.append("T = ").append(array(batch.targets())).append("  # targets t: n_L x m\n");
        s.append("m = X.shape[1]\n\n");
        s.append(HELPERS);
        s.append(FORWARD);
        s.append(starter ? BACKWARD_STARTER : BACKWARD_REFERENCE);
        s.append(MAIN);
        return s.toString();
    }

    private static String sizes(Network net) {
        StringBuilder s = new StringBuilder("[");
        for (int l = 0; l <= net.depth(); l++) {
            s.append(l == 0 ? "" : ", ").append(net.size(l));
        }
        return s.append(']').toString();
    }

    /** np.array([[...], ...]) with every double written so that Python reads back the very same double. */
    static String array(DMatrixRMaj m) {
        StringBuilder s = new StringBuilder("np.array([");
        for (int r = 0; r < m.numRows; r++) {
            s.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < m.numCols; c++) {
                s.append(c == 0 ? "" : ", ").append(Double.toString(m.get(r, c)));
            }
            s.append(']');
        }
        return s.append("], dtype=np.float64)").toString();
    }

    private static final String HELPERS = """
            # ---- activations and losses (values and derivatives; nothing to change here) ----
            LEAKY_SLOPE = %s


            def softmax(z):
                e = np.exp(z - z.max(axis=0, keepdims=True))  # column by column, shifted so exp cannot overflow
                return e / e.sum(axis=0, keepdims=True)


            def sigma(name, z):
                if name == "identity":
                    return z.copy()
                if name == "sigmoid":
                    e = np.exp(-np.abs(z))  # two branches in one, so that exp never overflows
                    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
                if name == "tanh":
                    return np.tanh(z)
                if name == "relu":
                    return np.where(z > 0, z, 0.0)
                if name == "leaky-relu":
                    return np.where(z > 0, z, LEAKY_SLOPE * z)
                if name == "softplus":
                    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))
                if name == "softmax":
                    return softmax(z)
                raise ValueError(name)


            def sigma_prime(name, z):
                \"""sigma'(z) elementwise (softmax has no elementwise derivative: use through_sigma).\"""
                if name == "identity":
                    return np.ones_like(z)
                if name == "sigmoid":
                    return sigma("sigmoid", z) * sigma("sigmoid", -z)
                if name == "tanh":
                    return 1.0 - np.tanh(z) ** 2
                if name == "relu":
                    return np.where(z > 0, 1.0, 0.0)
                if name == "leaky-relu":
                    return np.where(z > 0, 1.0, LEAKY_SLOPE)
                if name == "softplus":
                    return sigma("sigmoid", z)
                raise ValueError("softmax is not elementwise: use through_sigma")


            def through_sigma(name, z, g):
                \"""J_sigma(z)^T g, column by column: g * sigma'(z) for an elementwise sigma; for softmax
                (J_ij = a_i (I_ij - a_j)) it is a * (g - sum_i a_i g_i).\"""
                if name == "softmax":
                    a = softmax(z)
                    return a * (g - (a * g).sum(axis=0, keepdims=True))
                return g * sigma_prime(name, z)


            def softplus(z):
                return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


            def sample_costs(zL, aL, t):
                \"""C_x for every sample x (a row of m numbers).\"""
                if loss == "quadratic":
                    return 0.5 * ((aL - t) ** 2).sum(axis=0)
                if loss == "binary-cross-entropy":
                    return (t * softplus(-zL) + (1 - t) * softplus(zL)).sum(axis=0)
                if loss == "cross-entropy":
                    return -(np.where(t != 0, t * np.log(np.where(t != 0, aL, 1.0)), 0.0)).sum(axis=0)
                if loss == "softmax-cross-entropy":
                    top = zL.max(axis=0, keepdims=True)
                    lse = top + np.log(np.exp(zL - top).sum(axis=0, keepdims=True))
                    return (t * (lse - zL)).sum(axis=0)
                raise ValueError(loss)


            def sample_grad_a(zL, aL, t):
                \"""dC_x/da^L for every sample (n_L x m), WITHOUT the batch's 1/m.\"""
                if loss == "quadratic":
                    return aL - t
                if loss == "binary-cross-entropy":
                    return (aL - t) / sigma_prime("sigmoid", zL)
                if loss == "cross-entropy":
                    return np.where(t != 0, -t / np.where(t != 0, aL, 1.0), 0.0)
                if loss == "softmax-cross-entropy":
                    return softmax(zL) - t  # the cost holds the softmax; the output layer is the identity
                raise ValueError(loss)


            """.formatted(Double.toString(Activation.LEAKY_SLOPE));

    private static final String FORWARD = """
            # ---- the forward pass ----
            def forward():
                z = [None] * (L + 1)
                a = [None] * (L + 1)
                a[0] = X
                for l in range(1, L + 1):
                    z[l] = w[l].T @ a[l - 1] + b[l]  # z^l = (w^l)^T a^{l-1} + b^l: n_l x m
                    a[l] = sigma(activation[l], z[l])  # a^l = sigma(z^l)
                C = sample_costs(z[L], a[L], T).sum() / m  # C = (1/m) sum_x C_x
                return C, z, a


            """;

    private static final String BACKWARD_REFERENCE = """
            # ---- the backward pass, one formula per line (batch forms) ----
            def backward(z, a):
                delta = [None] * (L + 1)
                gradB = [None] * (L + 1)
                gradW = [None] * (L + 1)
                # grad_a C = (1/m) dC_x/da^L: the one place where the batch size enters
                gradA = sample_grad_a(z[L], a[L], T) / m
                # (BP1b) delta^L = grad_a C (.) sigma'(z^L)        (softmax output: J(z^L)^T grad_a C)
                delta[L] = through_sigma(activation[L], z[L], gradA)
                for l in range(L - 1, 0, -1):
                    # (BP2b) delta^l = (w^{l+1} delta^{l+1}) (.) sigma'(z^l)
                    delta[l] = through_sigma(activation[l], z[l], w[l + 1] @ delta[l + 1])
                for l in range(1, L + 1):
                    # (BP3b) dC/db^l = delta^l 1: summed over the samples (the 1/m is already in delta)
                    gradB[l] = delta[l].sum(axis=1, keepdims=True)
                    # (BP4b) dC/dw^l = a^{l-1} (delta^l)^T: n_{l-1} x n_l, the shape of w^l
                    gradW[l] = a[l - 1] @ delta[l].T
                return gradA, delta, gradB, gradW


            """;

    private static final String BACKWARD_STARTER = """
            # ---- the backward pass: YOUR CODE, one formula per gap (batch forms) ----
            # Helpers you may use: sample_grad_a(zL, aL, t), sigma_prime(name, z), through_sigma(name, z, g).
            # A gap left as None is simply not written to the values file ("not given" in the check).
            def backward(z, a):
                delta = [None] * (L + 1)
                gradB = [None] * (L + 1)
                gradW = [None] * (L + 1)
                # >>> YOUR CODE: grad_a C = (1/m) dC_x/da^L   (n_L x m; the one place where 1/m enters)
                gradA = None
                # >>> YOUR CODE (BP1b): delta^L = grad_a C (.) sigma'(z^L)   (softmax output: J(z^L)^T grad_a C)
                delta[L] = None
                for l in range(L - 1, 0, -1):
                    # >>> YOUR CODE (BP2b): delta^l = (w^{l+1} delta^{l+1}) (.) sigma'(z^l)
                    delta[l] = None
                for l in range(1, L + 1):
                    # >>> YOUR CODE (BP3b): dC/db^l = delta^l 1   (n_l x 1, summed over the samples)
                    gradB[l] = None
                    # >>> YOUR CODE (BP4b): dC/dw^l = a^{l-1} (delta^l)^T   (n_{l-1} x n_l, the shape of w^l)
                    gradW[l] = None
                return gradA, delta, gradB, gradW


            """;

    private static final String MAIN = """
            # ---- writing the values file (docs/VALUES.md) ----
            def rows(matrix):
                return None if matrix is None else np.asarray(matrix, dtype=np.float64).tolist()


            def write_values(path, C, z, a, gradA, delta, gradB, gradW):
                per_layer = {"z": z, "a": a, "delta": delta, "gradB": gradB, "gradW": gradW}
                if path.endswith(".npz"):
                    arrays = {"loss": np.float64(C)}
                    if gradA is not None:
                        arrays["gradA"] = np.asarray(gradA, dtype=np.float64)
                    for name, values in per_layer.items():
                        for l in range(1, L + 1):
                            if values[l] is not None:
                                arrays[name + str(l)] = np.asarray(values[l], dtype=np.float64)
                    np.savez(path, **arrays)
                    return
                layers = []
                for l in range(1, L + 1):
                    layer = {"layer": l}
                    for name, values in per_layer.items():
                        if values[l] is not None:
                            flat = name == "gradB"  # n_l numbers; an n_l x 1 column is read as well
                            layer[name] = np.asarray(values[l], dtype=np.float64).ravel().tolist() if flat else rows(values[l])
                    layers.append(layer)
                document = {"loss": float(C), "layers": layers}
                if gradA is not None:
                    document["gradA"] = rows(gradA)
                with open(path, "w") as f:
                    f.write(json_text(document) + "\\n")


            def json_text(value, indent=""):
                \"""JSON with one matrix row per line, so that the file reads like the matrices it holds.\"""
                inner = indent + "  "
                if isinstance(value, dict):
                    items = [inner + json.dumps(k) + ": " + json_text(v, inner) for k, v in value.items()]
                    return "{\\n" + ",\\n".join(items) + "\\n" + indent + "}"
                if isinstance(value, list) and value and isinstance(value[0], dict):
                    return "[\\n" + ",\\n".join(inner + json_text(v, inner) for v in value) + "\\n" + indent + "]"
                if isinstance(value, list) and value and isinstance(value[0], list):
                    return "[" + (",\\n" + inner).join(json.dumps(row) for row in value) + "]"
                return json.dumps(value)


            if __name__ == "__main__":
                parser = argparse.ArgumentParser(description="Runs the network forward and backward.")
                parser.add_argument("--values", metavar="OUT", help="write a values file, OUT.json or OUT.npz")
                args = parser.parse_args()
                C, z, a = forward()
                gradA, delta, gradB, gradW = backward(z, a)
                print("C =", repr(float(C)))
                for l in range(1, L + 1):
                    print("dC/dw^%d =" % l, "not written" if gradW[l] is None else np.array2string(gradW[l]))
                if args.values:
                    write_values(args.values, C, z, a, gradA, delta, gradB, gradW)
                    print("values written to", args.values)
            """;
}

#!/usr/bin/env python3
"""Backpropagation for 2-3-2 sigmoid/softmax, cross-entropy
(from /work/wt/i12-against/examples/softmax-2-3-2.json), written by Backprop Workbench: a STARTER, the backward pass is yours to write.

The note's notation: w[l] is n_{l-1} x n_l (row = input neuron, column = output neuron),
z^l = (w^l)^T a^{l-1} + b^l, a^l = sigma(z^l), and the m samples are the COLUMNS of every
a, z and delta (n_l x m). The batch cost is the mean C = (1/m) sum_x C_x; the 1/m enters once,
in grad_a C.

    python3 THIS.py --values mine.json      (or mine.npz)
    java -jar backprop-workbench.jar check /work/wt/i12-against/examples/softmax-2-3-2.json --against mine.json
"""
import argparse
import json

import numpy as np

# ---- the network ----
sizes = [2, 3, 2]  # n_0 .. n_L
activation = [None, "sigmoid", "softmax"]  # sigma of layer l
loss = "cross-entropy"
L = 2
w = [None,
     np.array([[0.15, -0.25, 0.3], [0.2, 0.35, -0.1]], dtype=np.float64),  # w^1: 2 x 3
     np.array([[0.4, -0.45], [-0.5, 0.55], [0.25, 0.1]], dtype=np.float64),  # w^2: 3 x 2
     ]
b = [None,
     np.array([[0.35], [-0.1], [0.05]], dtype=np.float64),  # b^1: 3 x 1
     np.array([[0.6], [-0.2]], dtype=np.float64),  # b^2: 2 x 1
     ]
X = np.array([[0.05, 0.9, -0.6, 0.4], [0.1, -0.3, 0.8, 0.4]], dtype=np.float64)  # a^0: n_0 x m, one sample per column
T = np.array([[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0]], dtype=np.float64)  # targets t: n_L x m
m = X.shape[1]

# ---- activations and losses (values and derivatives; nothing to change here) ----
LEAKY_SLOPE = 0.01


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
    """sigma'(z) elementwise (softmax has no elementwise derivative: use through_sigma)."""
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
    """J_sigma(z)^T g, column by column: g * sigma'(z) for an elementwise sigma; for softmax
    (J_ij = a_i (I_ij - a_j)) it is a * (g - sum_i a_i g_i)."""
    if name == "softmax":
        a = softmax(z)
        return a * (g - (a * g).sum(axis=0, keepdims=True))
    return g * sigma_prime(name, z)


def softplus(z):
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def sample_costs(zL, aL, t):
    """C_x for every sample x (a row of m numbers)."""
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
    """dC_x/da^L for every sample (n_L x m), WITHOUT the batch's 1/m."""
    if loss == "quadratic":
        return aL - t
    if loss == "binary-cross-entropy":
        return (aL - t) / sigma_prime("sigmoid", zL)
    if loss == "cross-entropy":
        return np.where(t != 0, -t / np.where(t != 0, aL, 1.0), 0.0)
    if loss == "softmax-cross-entropy":
        return softmax(zL) - t  # the cost holds the softmax; the output layer is the identity
    raise ValueError(loss)


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


# ---- the backward pass: YOUR CODE, one formula per gap (batch forms) ----
# Helpers you may use: sample_grad_a(zL, aL, t), sigma_prime(name, z), through_sigma(name, z, g).
# A gap left as None is simply not written to the values file ("not given" in the check).
def backward(z, a):
    delta = [None] * (L + 1)
    gradB = [None] * (L + 1)
    gradW = [None] * (L + 1)
    # >>> YOUR CODE: grad_a C = (1/m) dC_x/da^L   (n_L x m; the one place where 1/m enters)
    gradA = sample_grad_a(z[L], a[L], T) / m
    # >>> YOUR CODE (BP1b): delta^L = grad_a C (.) sigma'(z^L)   (softmax output: J(z^L)^T grad_a C)
    delta[L] = through_sigma(activation[L], z[L], gradA)
    for l in range(L - 1, 0, -1):
        # >>> YOUR CODE (BP2b): delta^l = (w^{l+1} delta^{l+1}) (.) sigma'(z^l)
        delta[l] = w[l + 1] @ delta[l + 1]  # bug: sigma' forgotten
    for l in range(1, L + 1):
        # >>> YOUR CODE (BP3b): dC/db^l = delta^l 1   (n_l x 1, summed over the samples)
        gradB[l] = delta[l].sum(axis=1, keepdims=True)
        # >>> YOUR CODE (BP4b): dC/dw^l = a^{l-1} (delta^l)^T   (n_{l-1} x n_l, the shape of w^l)
        gradW[l] = a[l - 1] @ delta[l].T
    return gradA, delta, gradB, gradW


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
        f.write(json_text(document) + "\n")


def json_text(value, indent=""):
    """JSON with one matrix row per line, so that the file reads like the matrices it holds."""
    inner = indent + "  "
    if isinstance(value, dict):
        items = [inner + json.dumps(k) + ": " + json_text(v, inner) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "[\n" + ",\n".join(inner + json_text(v, inner) for v in value) + "\n" + indent + "]"
    if isinstance(value, list) and value and isinstance(value[0], list):
        return "[" + (",\n" + inner).join(json.dumps(row) for row in value) + "]"
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

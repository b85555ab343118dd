package org.backprop.workbench.steps;

/** Whether a step belongs to the forward pass (z, a, C) or to backpropagation (∇_a C, δ, ∂C/∂b, ∂C/∂w). */
public enum Phase {
    FORWARD, BACKWARD
}

/**
 * Explorations beside the checks: the softmax-as-activation against loss-fused comparison, gradient descent.
 * (The ε sweep, of the CLI and of the app's plot alike, is {@code check.EpsilonSweep}.)
 *
 * <p>May import: {@code check}, {@code engine}, {@code numeric}, {@code util}, EJML and {@code java..}.
 */
package org.backprop.workbench.explore;

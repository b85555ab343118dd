/**
 * Explorations beside the checks: the ε sweep of one checked number, the softmax-as-activation against
 * loss-fused comparison, gradient descent.
 *
 * <p>May import: {@code check}, {@code engine}, {@code numeric}, {@code util}, EJML and {@code java..}.
 */
package org.backprop.workbench.explore;

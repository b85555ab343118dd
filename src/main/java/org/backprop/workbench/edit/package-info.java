/**
 * Edits of a network in the builder (add a layer, change an activation, resize), each returning a new network.
 *
 * <p>May import: {@code engine}, {@code io}, {@code util}, EJML and {@code java..}.
 */
package org.backprop.workbench.edit;

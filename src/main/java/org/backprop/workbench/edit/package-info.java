/**
 * Edits of a network in the builder (add a layer, change an activation, resize), each returning a new network.
 *
 * <p>May import: {@code engine}, {@code io}, {@code i18n} (a refused edit says why in the current language), {@code util},
 * EJML and {@code java..}.
 */
package org.backprop.workbench.edit;

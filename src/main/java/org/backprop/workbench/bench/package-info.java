/**
 * The benchmark behind {@code bench}: naive against incremental check, threads, complex step against central.
 *
 * <p>May import: {@code check}, {@code engine}, {@code io}, {@code numeric}, {@code util}, EJML and {@code java..}.
 */
package org.backprop.workbench.bench;

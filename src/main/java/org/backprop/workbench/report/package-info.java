/**
 * Reports of checks and sweeps in text, Markdown, JSON and CSV.
 *
 * <p>May import: {@code check}, {@code engine}, {@code numeric}, {@code util}, Jackson, EJML and {@code java..}.
 */
package org.backprop.workbench.report;

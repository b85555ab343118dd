/**
 * The command line: {@code check}, {@code sweep}, {@code bench}, {@code lesson}; exit status 2 for a bad file or
 * usage.
 *
 * <p>May import: every core package, picocli, Jackson and {@code java..}; never {@code app} (checked by {@code ArchitectureTest}).
 */
package org.backprop.workbench.cli;

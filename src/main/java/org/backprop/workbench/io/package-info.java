/**
 * Network files: the strict reader (every problem one message naming file, field and what was expected) and the
 * atomic writer.
 *
 * <p>May import: {@code engine}, {@code util}, Jackson, EJML and {@code java..}.
 */
package org.backprop.workbench.io;

/**
 * Network files: the strict reader (every problem one message naming file, field and what was expected) and the
 * atomic writer. Its messages are worded by {@code i18n.Messages} in the user's language (the file name, field path and
 * line number as they are).
 *
 * <p>May import: {@code engine}, {@code i18n}, {@code util}, Jackson, EJML and {@code java..}.
 */
package org.backprop.workbench.io;

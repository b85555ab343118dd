/**
 * Lessons: the Markdown lesson format, its parser and validator, quizzes, predictions and claims.
 *
 * <p>May import: {@code check}, {@code engine}, {@code io}, {@code numeric}, {@code steps}, {@code util}, Jackson, commonmark,
 * JLaTeXMath (formula validation only) and {@code java..}.
 */
package org.backprop.workbench.lesson;

/**
 * Lessons: the Markdown lesson format, its parser and validator, quizzes, predictions and claims. The parser's and
 * validator's problems are worded by {@code i18n.Messages} in the user's language (file and line as they are).
 *
 * <p>May import: {@code check}, {@code engine}, {@code i18n}, {@code io}, {@code numeric}, {@code steps}, {@code util},
 * Jackson, commonmark, JLaTeXMath (formula validation only) and {@code java..}.
 */
package org.backprop.workbench.lesson;

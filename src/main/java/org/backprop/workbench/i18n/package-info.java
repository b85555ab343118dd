/**
 * The user-visible text of the workbench in English and Simplified Chinese: {@link org.backprop.workbench.i18n.Messages}
 * over the bundles {@code messages.properties} and {@code messages_zh_CN.properties}, every message a
 * {@link java.text.MessageFormat} pattern. Plain Java, so that the headless core (the file readers in {@code io},
 * {@code lesson} and {@code against}), the command line and the app all word their messages through it.
 *
 * <p>May import: {@code util} (the remembered language) and {@code java..}; never the engine, a reader or a user
 * interface (ArchitectureTest).
 */
package org.backprop.workbench.i18n;

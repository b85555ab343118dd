package org.backprop.workbench.cli;

import org.backprop.workbench.io.Printable;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Passes everything the command line prints through {@link Printable#escapeControls}: the terminal's safety net. */
final class PrintableWriter extends FilterWriter {
    PrintableWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (Printable.keptByEscapeControls(chars, offset, length)) {
            out.write(chars, offset, length);   // a streamed report's buffer, passed on without copies
        } else {
            write(new String(chars, offset, length));
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        String escaped = Printable.escapeControls(text.substring(offset, offset + length));
        out.write(escaped, 0, escaped.length());
    }
}

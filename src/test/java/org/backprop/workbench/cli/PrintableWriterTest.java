package org.backprop.workbench.cli;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The terminal's safety net holds on every way a writer is written to, the streamed reports' char buffers too. */
class PrintableWriterTest {
    @Test
    void plainBuffersPassAsTheyAreAndControlsAreEscapedInEveryWrite() throws Exception {
        StringWriter target = new StringWriter();
        PrintableWriter w = new PrintableWriter(target);
        char[] plain = "{\n  \"a\" : 1.5,\tδ\n}".toCharArray();
        w.write(plain, 0, plain.length);
        char[] forged = "x\u001b[2Jy\u202Ez".toCharArray();
        w.write(forged, 1, forged.length - 1);
        w.write("a\u0007b", 0, 3);
        w.write('\u009b');
        w.flush();
        assertEquals("{\n  \"a\" : 1.5,\tδ\n}" + "\\e[2Jy\\u202Ez" + "a\\u0007b" + "\\u009B", target.toString());
    }
}

package org.backprop.workbench.report;

import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Each deliberate mistake has its description in both languages, the English one word for word the engine's. */
class MistakeTextTest {
    @Test
    void theEnglishDescriptionIsTheEnginesAndTheChineseDiffers() {
        Locale before = Messages.locale();
        try {
            for (Mistake m : Mistake.values()) {
                Messages.setLocale(Locale.ENGLISH);
                assertEquals(m.description(), MistakeText.description(m), m.id());
                Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
                assertNotEquals(m.description(), MistakeText.description(m), m.id() + " has its Chinese text");
            }
        } finally {
            Messages.setLocale(before);
        }
    }
}

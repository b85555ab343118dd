package org.backprop.workbench.app;

import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/** The default network read on the start-up thread is the one DefaultNetwork reads, and serves one window. */
class StartUpTest {
    @Test
    void theNetworkReadInTheBackgroundIsTheDefaultNetworkAndServesOneWindow() {
        NetworkDocument direct = DefaultNetwork.load();
        StartUp.begin();
        NetworkDocument first = StartUp.defaultNetwork();
        assertSameNetwork(direct, first);
        NetworkDocument second = StartUp.defaultNetwork();   // read again, not the first window's
        assertSameNetwork(direct, second);
        assertNotSame(first, second);
    }

    private static void assertSameNetwork(NetworkDocument expected, NetworkDocument actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.network().describe(), actual.network().describe());
        assertEquals(expected.seed(), actual.seed());
        assertEquals(expected.batch().toString(), actual.batch().toString());   // the samples, value by value
    }
}

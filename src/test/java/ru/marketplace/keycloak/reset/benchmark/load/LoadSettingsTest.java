package ru.marketplace.keycloak.reset.benchmark.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    @Test
    void theDefaultsAreTheIssuesSizes() {
        LoadSettings s = LoadSettings.from(new Properties());
        assertEquals(3, s.rounds());
        assertEquals(30, s.resetsPerRound());
        assertEquals(4, s.concurrency());
        assertEquals(400, s.pending());
        assertEquals(2_000, s.oneIpShoppers());
        assertEquals(1_000, s.fewAccounts());
        assertEquals(200, s.accountSamples());
        assertEquals(1_000_000, s.manyAccounts());
        assertEquals(50_000, s.floodRequests());
        assertEquals(5_000, s.floodIps());
        assertTrue(s.bigRows());
        assertFalse(s.chartToDocs());
    }

    @Test
    void propertiesOverrideTheDefaults() {
        Properties p = new Properties();
        p.setProperty("load.rounds", "5");
        p.setProperty("load.accounts", "100_000");
        p.setProperty("load.bigRows", "false");
        p.setProperty("load.chartToDocs", "true");
        LoadSettings s = LoadSettings.from(p);
        assertEquals(5, s.rounds());
        assertEquals(100_000, s.manyAccounts());
        assertFalse(s.bigRows());
        assertTrue(s.chartToDocs());
    }

    @Test
    void refusesNonsense() {
        Properties p = new Properties();
        p.setProperty("load.resets", "many");
        assertThrows(IllegalArgumentException.class, () -> LoadSettings.from(p));
        Properties tooFew = new Properties();
        tooFew.setProperty("load.fewAccounts", "500"); // 200 samples need 600 fresh accounts
        assertThrows(IllegalArgumentException.class, () -> LoadSettings.from(tooFew));
        Properties moreIpsThanRequests = new Properties();
        moreIpsThanRequests.setProperty("load.floodRequests", "10");
        assertThrows(IllegalArgumentException.class, () -> LoadSettings.from(moreIpsThanRequests));
    }

    @Test
    void clientIpsAreDistinctPrivateAddresses() {
        assertEquals("10.0.0.1", ClientIps.distinct(0));
        assertEquals("10.0.1.0", ClientIps.distinct(255));
        assertEquals("10.61.9.1", ClientIps.distinct(4_000_000));
        assertThrows(IllegalArgumentException.class, () -> ClientIps.distinct(-1));
    }

    /** The flood row checks the bound SECURITY.md states: the two must not drift apart. */
    @Test
    void securityMdStatesTheFloodBoundTheBenchmarkChecks() throws Exception {
        String security = Files.readString(Path.of("SECURITY.md"));
        assertTrue(security.contains(LoadBenchmark.FLOOD_HEAP_BOUND_KB_PER_REQUEST + " KB of heap per code request"),
                "SECURITY.md → Flooding the heap must state " + LoadBenchmark.FLOOD_HEAP_BOUND_KB_PER_REQUEST + " KB");
    }
}

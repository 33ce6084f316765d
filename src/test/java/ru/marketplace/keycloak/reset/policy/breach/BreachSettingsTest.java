package ru.marketplace.keycloak.reset.policy.breach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreachSettingsTest {

    @Test
    void blankAndBuiltinMeanTheShippedListOffline() {
        assertEquals(BreachSettings.DEFAULTS, BreachSettings.parse(null));
        assertEquals(BreachSettings.DEFAULTS, BreachSettings.parse("  "));
        BreachSettings builtin = BreachSettings.parse("builtin");
        assertNull(builtin.file());
        assertNull(builtin.online(), "the online check is off by default");
        assertEquals("builtin", builtin.toString());
    }

    @Test
    void aFileAndTheOnlineCheckWithItsSettings() {
        BreachSettings settings = BreachSettings.parse(
                "file:/opt/keycloak/data/breached.bin online:https://api.pwnedpasswords.com/range/ timeout:800 onTimeout:refuse");
        assertEquals(Path.of("/opt/keycloak/data/breached.bin"), settings.file());
        assertEquals(URI.create("https://api.pwnedpasswords.com/range/"), settings.online());
        assertEquals(Duration.ofMillis(800), settings.timeout());
        assertTrue(settings.refuseWithoutAnswer());
        assertEquals(settings, BreachSettings.parse(settings.toString()), "the canonical form reads back");
    }

    @Test
    void theOnlineCheckLetsThePasswordThroughWithoutAnAnswerUnlessToldOtherwise() {
        BreachSettings settings = BreachSettings.parse("builtin online:http://127.0.0.1:8099/range/");
        assertEquals(BreachSettings.DEFAULT_TIMEOUT, settings.timeout());
        assertEquals(false, settings.refuseWithoutAnswer());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "file:relative/breached.bin | absolute path",
        "file:                      | give the file",
        "builtin file:/a.bin        | more than once",
        "online:https://x/range/    | Start with builtin or file:PATH",
        "builtin online:ftp://x/    | range API's address",
        "builtin timeout:50         | 100 to 10000 milliseconds",
        "builtin timeout:soon       | 100 to 10000 milliseconds",
        "builtin onTimeout:maybe    | onTimeout:accept or onTimeout:refuse",
        "builtin pwned              | Unknown item 'pwned'",
    })
    void aWrongConfigIsRefusedWithWhatToWrite(String config, String message) {
        InvalidBreachSettingsException refused = assertThrows(InvalidBreachSettingsException.class,
                () -> BreachSettings.parse(config));
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }
}

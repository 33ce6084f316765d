package ru.marketplace.keycloak.reset.settings;

import ru.marketplace.keycloak.settings.SettingOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResetCodeSettingsTest {

    @Test
    void defaultsMatchTheDocumentedValues() {
        ResetCodeSettings settings = ResetCodeSettings.parse(Map.of());
        assertEquals(6, settings.rules().codeLength());
        assertEquals(Duration.ofMinutes(10), settings.rules().codeLifetime());
        assertEquals(5, settings.rules().maxAttemptsPerCode());
        assertEquals(Duration.ofSeconds(60), settings.rules().resendCooldown());
        assertEquals(5, settings.rules().maxCodesPerHour());
        assertEquals(10, settings.rules().maxFailuresPerHour());
        assertEquals(30, settings.rules().maxRequestsPerIpPerHour());
        assertEquals("", settings.supportEmail());
        assertEquals(ZoneId.of("Europe/Moscow"), settings.mailTimeZone());
        assertEquals(ForceLogin.ONLY_FEDERATED, settings.forceLogin());
        assertTrue(settings.signOutOtherSessions());
        assertTrue(settings.problems().isEmpty());
        assertTrue(ResetCodeSettings.parse(null).problems().isEmpty());
    }

    @Test
    void readsEveryOption() {
        ResetCodeSettings settings = ResetCodeSettings.parse(Map.ofEntries(
                Map.entry("codeLength", "8"), Map.entry("codeLifetimeSeconds", " 300 "), Map.entry("maxAttemptsPerCode", "3"),
                Map.entry("resendCooldownSeconds", "0"), Map.entry("maxCodesPerAccountPerHour", "2"),
                Map.entry("maxWrongCodesPerAccountPerHour", "100"), Map.entry("maxCodeRequestsPerIpPerHour", "7"),
                Map.entry("supportEmail", "help@shop.example"), Map.entry("mailTimeZone", "Asia/Yekaterinburg"),
                Map.entry("forceLogin", "TRUE"), Map.entry("signOutOtherSessions", "false")));
        assertEquals(8, settings.rules().codeLength());
        assertEquals(Duration.ofMinutes(5), settings.rules().codeLifetime());
        assertEquals(3, settings.rules().maxAttemptsPerCode());
        assertEquals(Duration.ZERO, settings.rules().resendCooldown());
        assertEquals(2, settings.rules().maxCodesPerHour());
        assertEquals(100, settings.rules().maxFailuresPerHour());
        assertEquals(7, settings.rules().maxRequestsPerIpPerHour());
        assertEquals("help@shop.example", settings.supportEmail());
        assertEquals(ZoneId.of("Asia/Yekaterinburg"), settings.mailTimeZone());
        assertEquals(ForceLogin.ALWAYS, settings.forceLogin());
        assertFalse(settings.signOutOtherSessions());
        assertTrue(settings.problems().isEmpty(), settings.problems()::toString);
    }

    @ParameterizedTest(name = "{0}={1} falls back to the default")
    @CsvSource({
            "codeLength, 5", "codeLength, 11", "codeLength, six", "codeLifetimeSeconds, 601", "codeLifetimeSeconds, 4",
            "maxAttemptsPerCode, 0", "maxAttemptsPerCode, 11", "resendCooldownSeconds, -1",
            "maxCodesPerAccountPerHour, 101", "maxWrongCodesPerAccountPerHour, 101", "maxCodeRequestsPerIpPerHour, 0",
            "codeLength, 6.5", "codeLength, 99999999999"})
    void outOfRangeOrMalformedNumbersFallBackToDefaultsAndAreReported(String key, String value) {
        ResetCodeSettings settings = ResetCodeSettings.parse(Map.of(key, value));
        ResetCodeSettings defaults = ResetCodeSettings.defaults();
        assertEquals(defaults.rules().codeLength(), settings.rules().codeLength());
        assertEquals(defaults.rules().codeLifetime(), settings.rules().codeLifetime());
        assertEquals(defaults.rules().maxAttemptsPerCode(), settings.rules().maxAttemptsPerCode());
        assertEquals(1, settings.problems().size());
        assertTrue(settings.problems().get(0).contains(key), settings.problems()::toString);
    }

    @Test
    void badTextChoiceAndFlagAreReported() {
        ResetCodeSettings settings = ResetCodeSettings.parse(Map.of(
                "supportEmail", "help@shop.example, evil@x.example", "forceLogin", "sometimes", "signOutOtherSessions", "yes",
                "mailTimeZone", "Moscow"));
        assertEquals("", settings.supportEmail());
        assertEquals(ForceLogin.ONLY_FEDERATED, settings.forceLogin());
        assertTrue(settings.signOutOtherSessions());
        assertEquals(ZoneId.of("Europe/Moscow"), settings.mailTimeZone());
        assertEquals(4, settings.problems().size());
    }

    @Test
    void supportAddressIsDerivedFromTheSenderDomain() {
        ResetCodeSettings derived = ResetCodeSettings.defaults();
        assertEquals("support@marketplace.example", derived.supportEmailFor("no-reply@marketplace.example"));
        assertEquals("support@example.com", derived.supportEmailFor(null));
        assertEquals("support@example.com", derived.supportEmailFor("not an address"));
        ResetCodeSettings configured = ResetCodeSettings.parse(Map.of("supportEmail", "care@shop.example"));
        assertEquals("care@shop.example", configured.supportEmailFor("no-reply@marketplace.example"));
    }

    @Test
    void optionKeysAreUniqueAndDocumented() {
        Set<String> keys = new HashSet<>();
        for (SettingOption option : ResetCodeSettings.OPTIONS) {
            assertTrue(keys.add(option.key()), "duplicate key " + option.key());
            assertFalse(option.label().isBlank());
            assertTrue(option.helpText().length() > 20, option.key());
        }
    }

    @Test
    void forceLoginAppliesAsDocumented() {
        assertTrue(ForceLogin.ALWAYS.appliesTo(false));
        assertFalse(ForceLogin.NEVER.appliesTo(true));
        assertTrue(ForceLogin.ONLY_FEDERATED.appliesTo(true));
        assertFalse(ForceLogin.ONLY_FEDERATED.appliesTo(false));
    }
}

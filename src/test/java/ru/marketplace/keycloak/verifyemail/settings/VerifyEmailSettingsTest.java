package ru.marketplace.keycloak.verifyemail.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;
import ru.marketplace.keycloak.settings.SettingOption;

class VerifyEmailSettingsTest {

    @Test
    void defaultsAreTheEnginesAndNewAccountsAreVerified() {
        VerifyEmailSettings settings = VerifyEmailSettings.parse(null);
        assertEquals(ResetCodeSettings.defaults().rules(), settings.rules(), "the same code rules as the reset by default");
        assertEquals(Duration.ofMinutes(10), settings.rules().codeLifetime());
        assertTrue(settings.verifyNewAccounts());
        assertEquals("support@shop.example", settings.supportEmailFor("no-reply@shop.example"));
        assertTrue(settings.problems().isEmpty());
    }

    @Test
    void readsItsOptionsUnderTheResetsKeys() {
        VerifyEmailSettings settings = VerifyEmailSettings.parse(Map.of("codeLength", "8", "resendCooldownSeconds", "30",
                "supportEmail", "care@shop.example", "verifyNewAccounts", "false"));
        assertEquals(8, settings.rules().codeLength());
        assertEquals(Duration.ofSeconds(30), settings.rules().resendCooldown());
        assertEquals("care@shop.example", settings.supportEmailFor("no-reply@shop.example"));
        assertFalse(settings.verifyNewAccounts());
        Set<String> keys = new HashSet<>();
        for (SettingOption option : VerifyEmailSettings.OPTIONS) {
            assertTrue(keys.add(option.key()), "duplicate key " + option.key());
        }
    }

    /** The console refuses what the reader would replace: the refusal names the value, not the fallback. */
    @Test
    void whatIsWrongIsRefusedBeforeItIsSaved() {
        Map<String, String> config = Map.of("codeLength", "5", "verifyNewAccounts", "yes", "supportEmail", "a@b.c, d@e.f");
        List<String> refusals = VerifyEmailSettings.refusals(config);
        assertEquals(List.of("Code length (codeLength) must be a whole number from 6 to 10, was '5'",
                "Support e-mail (supportEmail) must be a plain e-mail address, was 'a@b.c, d@e.f'",
                "Verify new accounts (verifyNewAccounts) must be true or false, was 'yes'"), refusals);
        assertEquals(3, VerifyEmailSettings.parse(config).problems().size());
        assertTrue(VerifyEmailSettings.parse(config).problems().get(0).endsWith("; using 6"));
        assertTrue(VerifyEmailSettings.refusals(Map.of("codeLength", "6")).isEmpty());
    }
}

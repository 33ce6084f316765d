package ru.marketplace.keycloak.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BrandNameTest {

    private static final Function<String, String> ENGLISH = Map.of(BrandName.MESSAGE_KEY, "Marketplace")::get;
    private static final Function<String, String> NONE = key -> null;

    @Test
    void theNameOfTheReadersLanguageWinsOverKeycloaksSingleNames() {
        assertEquals("Marketplace", BrandName.of(ENGLISH, "Маркетплейс", "marketplace"));
        assertEquals("Marketplace", BrandName.sender(ENGLISH, "Маркетплейс"));
    }

    @Test
    void withoutItKeycloaksSettingsApply() {
        assertEquals("Маркетплейс", BrandName.of(NONE, "Маркетплейс", "marketplace"));
        assertEquals("Marketplace", BrandName.of(NONE, null, "marketplace"));
        assertEquals("Marketplace", BrandName.of(NONE, " ", "marketplace"));
        assertEquals("Маркетплейс", BrandName.sender(NONE, "Маркетплейс"));
        assertNull(BrandName.sender(NONE, ""), "no display name: the address alone");
        assertEquals("Маркетплейс", BrandName.of(Map.of(BrandName.MESSAGE_KEY, "  ")::get, "Маркетплейс", "m"), "a blank override is none");
    }
}

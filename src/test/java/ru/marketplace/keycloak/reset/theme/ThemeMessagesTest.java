package ru.marketplace.keycloak.reset.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The theme-only bundles (themes/&lt;theme&gt;/&lt;type&gt;/messages): the same keys in Russian and English, texts
 * MessageFormat renders as written. The shared bundles have their own TranslationsTest.
 */
class ThemeMessagesTest {

    private static final Path THEMES = Path.of("themes");

    static Stream<Path> messageDirectories() throws IOException {
        try (Stream<Path> paths = Files.walk(THEMES)) {
            return paths.filter(p -> p.getFileName().toString().equals("messages") && Files.isDirectory(p)).toList().stream();
        }
    }

    @Test
    void everyThemeTypeThatSpeaksHasBothLanguages() throws IOException {
        assertFalse(messageDirectories().toList().isEmpty(), "the login themes carry messages");
    }

    @ParameterizedTest
    @MethodSource("messageDirectories")
    void russianAndEnglishHaveTheSameKeys(Path directory) {
        Properties ru = load(directory.resolve("messages_ru.properties"));
        Properties en = load(directory.resolve("messages_en.properties"));
        assertEquals(ru.stringPropertyNames(), en.stringPropertyNames(), directory.toString());
    }

    @ParameterizedTest
    @MethodSource("messageDirectories")
    void everyTextIsAValidMessageFormatWithDoubledApostrophes(Path directory) {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("ru", "en")) {
            Properties messages = load(directory.resolve("messages_" + language + ".properties"));
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                try {
                    new MessageFormat(text, Locale.forLanguageTag(language));
                } catch (IllegalArgumentException malformed) {
                    problems.add(language + " " + key + ": " + malformed.getMessage());
                }
                if (text.replace("''", "").contains("'")) {
                    problems.add(language + " " + key + " has a single apostrophe");
                }
            }
        }
        assertTrue(problems.isEmpty(), directory + ": " + problems);
    }

    @Test
    void theMobileThemeWordsTheLinkAsTheApp() {
        Properties ru = load(THEMES.resolve("marketplace-mobile/login/messages/messages_ru.properties"));
        assertEquals("Не помню пароль", ru.getProperty("doForgotPassword"));
    }

    /**
     * Keycloak's policies the realm export enables speak in the marketplace's voice on its login pages, in both
     * languages. The keys are those of Keycloak's HistoryPasswordPolicyProvider, NotUsernamePasswordPolicyProvider
     * and NotEmailPasswordPolicyProvider (private constants there); Keycloak's own texts start «Invalid password:» /
     * «Некорректный пароль:» / «Неверный пароль:».
     */
    @Test
    void keycloaksPoliciesOfTheRealmExportAreWordedByTheLoginTheme() throws IOException {
        String realm = Files.readString(Path.of("realm-export/marketplace-realm.json"));
        Map<String, String> keyByPolicy = Map.of(
                "passwordHistory", "invalidPasswordHistoryMessage",
                "notUsername", "invalidPasswordNotUsernameMessage",
                "notEmail", "invalidPasswordNotEmailMessage");
        for (String language : List.of("ru", "en")) {
            Properties messages = load(THEMES.resolve("marketplace/login/messages/messages_" + language + ".properties"));
            keyByPolicy.forEach((policy, key) -> {
                assertTrue(realm.contains(" and " + policy + "("), policy + " is enabled by the realm export");
                String text = messages.getProperty(key, "");
                assertFalse(text.isBlank(), language + " " + key);
                assertFalse(text.matches("(?i)(Invalid password|Некорректный пароль|Неверный пароль).*"), language + " " + key + ": " + text);
                assertTrue(text.endsWith("."), language + " " + key + " is a sentence: " + text);
            });
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

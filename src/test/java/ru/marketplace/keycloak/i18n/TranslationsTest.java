package ru.marketplace.keycloak.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the whole of both message bundles (every section, whoever owns it): the same keys in Russian and
 * English, the same placeholders, texts MessageFormat renders as written, no key defined twice, and complete
 * plural families.
 */
class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern PLURAL_KEY = Pattern.compile("(.+)\\.(one|few|many|other)");
    private static final List<String> CATEGORIES = List.of("one", "few", "many", "other");

    static List<String> languages() {
        return ShippedMessages.LANGUAGES;
    }

    @Test
    void everyKeyExistsInEveryLanguage() {
        Properties ru = ShippedMessages.load("ru");
        Properties en = ShippedMessages.load("en");
        Set<String> missingInEn = new TreeSet<>(ru.stringPropertyNames());
        missingInEn.removeAll(en.stringPropertyNames());
        Set<String> missingInRu = new TreeSet<>(en.stringPropertyNames());
        missingInRu.removeAll(ru.stringPropertyNames());
        assertTrue(missingInEn.isEmpty(), "keys of messages_ru missing from messages_en: " + missingInEn);
        assertTrue(missingInRu.isEmpty(), "keys of messages_en missing from messages_ru: " + missingInRu);
    }

    @Test
    void translationsKeepThePlaceholders() {
        Properties ru = ShippedMessages.load("ru");
        Properties en = ShippedMessages.load("en");
        Map<String, String> differences = new TreeMap<>();
        for (String key : ru.stringPropertyNames()) {
            if (en.containsKey(key)) {
                Set<Integer> inRu = placeholders(ru.getProperty(key));
                Set<Integer> inEn = placeholders(en.getProperty(key));
                if (!inRu.equals(inEn)) {
                    differences.put(key, "ru " + inRu + " en " + inEn);
                }
            }
        }
        assertTrue(differences.isEmpty(), "placeholders differ: " + differences);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyTextIsAValidMessageFormatAndShowsItsApostrophes(String language) {
        Properties messages = ShippedMessages.load(language);
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(messages.stringPropertyNames())) {
            String text = messages.getProperty(key);
            if (text.isBlank()) {
                problems.add(key + " is empty");
                continue;
            }
            try {
                new MessageFormat(text, Locale.forLanguageTag(language));
            } catch (IllegalArgumentException malformed) {
                problems.add(key + ": " + malformed.getMessage());
            }
            // MessageFormat swallows a single apostrophe ("don't" shows as "dont"): it must be doubled
            if (text.replace("''", "").contains("'")) {
                problems.add(key + " has a single apostrophe; write '' for one");
            }
        }
        assertTrue(problems.isEmpty(), "messages_" + language + ": " + problems);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void noKeyIsDefinedTwice(String language) throws IOException {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        boolean continued = false;
        for (String line : Files.readAllLines(ShippedMessages.file(language), StandardCharsets.UTF_8)) {
            String stripped = line.strip();
            boolean continuation = continued;
            continued = stripped.endsWith("\\") && !stripped.endsWith("\\\\");
            if (continuation || stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                continue;
            }
            Matcher key = Pattern.compile("^((?:[^=:\\s\\\\]|\\\\.)+)").matcher(stripped);
            if (key.find() && !seen.add(key.group(1))) {
                twice.add(key.group(1));
            }
        }
        assertTrue(twice.isEmpty(), "messages_" + language + " defines these keys more than once: " + twice);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void filesAreUtf8(String language) throws IOException {
        byte[] bytes = Files.readAllBytes(ShippedMessages.file(language));
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException notUtf8) {
            fail("messages_" + language + " is not UTF-8");
        }
    }

    /** A counted message needs every category PluralRules may ask for (English repeats its plural). */
    @ParameterizedTest
    @MethodSource("languages")
    void pluralFamiliesAreComplete(String language) {
        Properties messages = ShippedMessages.load(language);
        Set<String> incomplete = new TreeSet<>();
        for (String key : messages.stringPropertyNames()) {
            Matcher plural = PLURAL_KEY.matcher(key);
            if (plural.matches()) {
                for (String category : CATEGORIES) {
                    if (!messages.containsKey(plural.group(1) + "." + category)) {
                        incomplete.add(plural.group(1) + "." + category);
                    }
                }
            }
        }
        assertEquals(Set.of(), incomplete, "messages_" + language + " lacks plural forms");
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            indexes.add(Integer.valueOf(placeholder.group(1)));
        }
        return indexes;
    }
}

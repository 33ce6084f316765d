package ru.marketplace.keycloak.i18n;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The message bundles as shipped (src/main/resources), so tests check the real texts. */
public final class ShippedMessages {

    public static final Path DIRECTORY = Path.of("src", "main", "resources", "theme-resources", "messages");
    public static final List<String> LANGUAGES = List.of("ru", "en");

    private ShippedMessages() {
    }

    public static Path file(String language) {
        return DIRECTORY.resolve("messages_" + language + ".properties");
    }

    /** Read as Keycloak reads them: UTF-8. */
    public static Properties load(String language) {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(file(language), StandardCharsets.UTF_8)) {
            messages.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}

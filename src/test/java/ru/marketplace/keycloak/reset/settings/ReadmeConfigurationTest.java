package ru.marketplace.keycloak.reset.settings;

import ru.marketplace.keycloak.settings.SettingOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README.md's configuration table must list every option with its console label, real default and range. */
class ReadmeConfigurationTest {

    @Test
    void everyOptionIsDocumentedWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Configuration\n");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0, "README.md has a Configuration section");
        List<String> rows = readme.substring(start, end < 0 ? readme.length() : end).lines()
                .filter(line -> line.startsWith("| ") && line.contains("(`"))
                .toList();
        for (SettingOption option : ResetCodeSettings.OPTIONS) {
            String row = rows.stream().filter(line -> line.contains("(`" + option.key() + "`)")).findFirst()
                    .orElseThrow(() -> new AssertionError("README.md has no row for " + option.key()));
            String[] cells = row.split("\\|");
            // the label as the console shows it in the step's settings dialog, so a reader finds the field
            assertEquals(option.label() + " (`" + option.key() + "`)", cells[1].trim(), "console label of " + option.key());
            String documentedDefault = cells[2].trim();
            String expected = option.defaultText().isEmpty() ? "blank" : option.defaultText();
            assertEquals(expected, documentedDefault, "default of " + option.key());
            if (option instanceof SettingOption.Number number) {
                assertEquals(number.min() + "–" + number.max(), cells[3].trim(), "range of " + option.key());
            }
            if (option instanceof SettingOption.Choice choice) {
                choice.values().forEach(value -> assertTrue(cells[3].contains(value), option.key() + " lists " + value));
            }
        }
        assertEquals(ResetCodeSettings.OPTIONS.size(), rows.size(), "no stale rows");
    }

    @Test
    void theRealmExportUsesTheDocumentedDefaults() throws IOException {
        String realm = Files.readString(Path.of("realm-export", "marketplace-realm.json"), StandardCharsets.UTF_8);
        for (SettingOption option : ResetCodeSettings.OPTIONS) {
            if (option instanceof SettingOption.Text) {
                continue;
            }
            assertTrue(realm.contains("\"" + option.key() + "\": \"" + option.defaultText() + "\""),
                    "realm export sets " + option.key() + " to its default " + option.defaultText());
        }
    }
}

package ru.marketplace.keycloak.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;
import ru.marketplace.keycloak.verifyemail.settings.VerifyEmailSettings;

/** README.md's configuration tables must list every option of each flow with its console label, real default and range. */
class ReadmeConfigurationTest {

    @Test
    void everyResetOptionIsDocumentedWithItsDefault() throws IOException {
        checkTable(rowsBetween("\n## Configuration\n", "\n### Address verification by code\n"), ResetCodeSettings.OPTIONS);
    }

    @Test
    void everyVerificationOptionIsDocumentedWithItsDefault() throws IOException {
        checkTable(rowsBetween("\n### Address verification by code\n", "\n## "), VerifyEmailSettings.OPTIONS);
    }

    private static List<String> rowsBetween(String heading, String next) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(heading);
        assertTrue(start >= 0, "README.md has the section " + heading.strip());
        int end = readme.indexOf(next, start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end).lines()
                .filter(line -> line.startsWith("| ") && line.contains("(`"))
                .toList();
    }

    private static void checkTable(List<String> rows, List<SettingOption> options) {
        for (SettingOption option : options) {
            String row = rows.stream().filter(line -> line.contains("(`" + option.key() + "`)")).findFirst()
                    .orElseThrow(() -> new AssertionError("README.md has no row for " + option.key()));
            String[] cells = row.split("\\|");
            // the label as the console shows it in the settings dialog, so a reader finds the field
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
        assertEquals(options.size(), rows.size(), "no stale rows");
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

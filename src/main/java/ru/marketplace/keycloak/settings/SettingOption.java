package ru.marketplace.keycloak.settings;

import java.util.List;

/**
 * One admin-console option of the reset flow: the single place where its key, label, help text,
 * default and allowed values live. The factory turns these into console fields; {@link ResetCodeSettings}
 * parses them, so a default can never differ between the console and the code.
 */
public sealed interface SettingOption permits SettingOption.Number, SettingOption.Text, SettingOption.Choice, SettingOption.Flag {

    String key();

    String label();

    String helpText();

    /** The default as the console shows it. */
    String defaultText();

    /** A whole number within [min, max]. */
    record Number(String key, String label, String helpText, int defaultValue, int min, int max) implements SettingOption {
        @Override
        public String defaultText() {
            return Integer.toString(defaultValue);
        }
    }

    /** Free text; blank means "use the derived default" described in the help text. */
    record Text(String key, String label, String helpText, String defaultValue, int maxLength) implements SettingOption {
        @Override
        public String defaultText() {
            return defaultValue;
        }
    }

    /** One of a fixed list of values. */
    record Choice(String key, String label, String helpText, String defaultValue, List<String> values) implements SettingOption {
        @Override
        public String defaultText() {
            return defaultValue;
        }
    }

    /** On or off. */
    record Flag(String key, String label, String helpText, boolean defaultValue) implements SettingOption {
        @Override
        public String defaultText() {
            return Boolean.toString(defaultValue);
        }
    }
}

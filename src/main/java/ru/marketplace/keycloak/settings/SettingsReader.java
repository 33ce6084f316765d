package ru.marketplace.keycloak.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a step's config map option by option, as the admin console saved it.
 *
 * <p>Keycloak offers no save-time validation hook for authenticator or required-action configs, so a value that is
 * missing, malformed or out of range falls back to its option's default and the reason is collected in
 * {@link #problems()} (the adapters log them): a wrong setting never fails a shopper's request.
 */
public final class SettingsReader {

    private static final Pattern PLAIN_EMAIL = Pattern.compile("^[^\\s@<>\"',;]+@[^\\s@<>\"',;]+\\.[^\\s@<>\"',;]+$");

    private final Map<String, String> config;
    private final List<String> refusals = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** {@code config} may be null or empty (no config saved yet). */
    public SettingsReader(Map<String, String> config) {
        this.config = config == null ? Map.of() : config;
    }

    /** Whether {@code value} is one plain address (no display name, no list): what a support address must be. */
    public static boolean isPlainEmail(String value) {
        return value != null && PLAIN_EMAIL.matcher(value).matches();
    }

    /** Why configured values were replaced by defaults, one sentence each with the value used; empty when all were valid. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The same, as a console refuses them on save: what is wrong, without the fallback. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void report(String refusal, String fallback) {
        refusals.add(refusal);
        problems.add(refusal + "; " + fallback);
    }

    private String raw(SettingOption option) {
        String value = config.get(option.key());
        return value == null ? null : value.trim();
    }

    public int number(SettingOption.Number option) {
        String value = raw(option);
        if (value == null || value.isEmpty()) {
            return option.defaultValue();
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= option.min() && parsed <= option.max()) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below together with out-of-range values
        }
        report(String.format("%s (%s) must be a whole number from %d to %d, was '%s'",
                option.label(), option.key(), option.min(), option.max(), value), "using " + option.defaultValue());
        return option.defaultValue();
    }

    /** A plain address, or the option's default (blank: derived elsewhere). */
    public String email(SettingOption.Text option) {
        String value = raw(option);
        if (value == null || value.isEmpty()) {
            return option.defaultValue();
        }
        if (value.length() <= option.maxLength() && isPlainEmail(value)) {
            return value;
        }
        report(String.format("%s (%s) must be a plain e-mail address, was '%s'", option.label(), option.key(), value),
                "using the derived default");
        return option.defaultValue();
    }

    public ZoneId zone(SettingOption.Text option) {
        String value = raw(option);
        if (value == null || value.isEmpty()) {
            return ZoneId.of(option.defaultValue());
        }
        if (value.length() <= option.maxLength()) {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException ignored) {
                // reported below together with overlong values
            }
        }
        report(String.format("%s (%s) must be a time zone ID such as Europe/Moscow, was '%s'", option.label(), option.key(), value),
                "using " + option.defaultValue());
        return ZoneId.of(option.defaultValue());
    }

    /** One of the option's values, matched without regard to case and returned as the option spells it. */
    public String choice(SettingOption.Choice option) {
        String value = raw(option);
        if (value == null || value.isEmpty()) {
            return option.defaultValue();
        }
        for (String allowed : option.values()) {
            if (allowed.equalsIgnoreCase(value)) {
                return allowed;
            }
        }
        report(String.format("%s (%s) must be one of %s, was '%s'", option.label(), option.key(),
                String.join(", ", option.values()), value), "using " + option.defaultValue());
        return option.defaultValue();
    }

    public boolean flag(SettingOption.Flag option) {
        String value = raw(option);
        if (value == null || value.isEmpty()) {
            return option.defaultValue();
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        report(String.format("%s (%s) must be true or false, was '%s'", option.label(), option.key(), value),
                "using " + option.defaultValue());
        return option.defaultValue();
    }
}

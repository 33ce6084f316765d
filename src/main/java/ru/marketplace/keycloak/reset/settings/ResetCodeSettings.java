package ru.marketplace.keycloak.reset.settings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reset flow's settings, parsed and validated once from the execution's config map.
 *
 * <p>Keycloak offers no save-time validation hook for authenticator configs, so a value that is missing,
 * malformed or out of range falls back to its documented default and is reported in {@link #problems()}
 * (the adapter logs them). Security limits are bounded so an admin cannot configure the flow below the
 * NIST/ASVS floor: codes of at least 6 digits, valid at most 10 minutes, at most 100 failures per hour.
 */
public final class ResetCodeSettings {

    public static final SettingOption.Number CODE_LENGTH = new SettingOption.Number(
            "codeLength", "Code length",
            "Number of digits in the code sent by e-mail (6 to 10; NIST requires at least 6).",
            6, 6, 10);
    public static final SettingOption.Number CODE_LIFETIME_SECONDS = new SettingOption.Number(
            "codeLifetimeSeconds", "Code lifetime (seconds)",
            "How long a code stays valid after it is sent, judged by server time (5 to 600; default 600 = 10 minutes).",
            600, 5, 600);
    public static final SettingOption.Number MAX_ATTEMPTS_PER_CODE = new SettingOption.Number(
            "maxAttemptsPerCode", "Wrong attempts per code",
            "After this many wrong entries the code is dead and only a new code helps (1 to 10).",
            5, 1, 10);
    public static final SettingOption.Number RESEND_COOLDOWN_SECONDS = new SettingOption.Number(
            "resendCooldownSeconds", "Resend cooldown (seconds)",
            "Minimum wait before the shopper may ask for another code (0 to 3600).",
            60, 0, 3600);
    public static final SettingOption.Number MAX_CODES_PER_HOUR = new SettingOption.Number(
            "maxCodesPerAccountPerHour", "Codes per account per hour",
            "At most this many codes are sent to one account (or requested for one unknown address) in any hour, cluster-wide (1 to 100).",
            5, 1, 100);
    public static final SettingOption.Number MAX_FAILURES_PER_HOUR = new SettingOption.Number(
            "maxWrongCodesPerAccountPerHour", "Wrong codes per account per hour",
            "At most this many wrong codes are evaluated for one account in any hour, across all sessions and nodes; past it no code is accepted or sent until the hour has passed (1 to 100).",
            10, 1, 100);
    public static final SettingOption.Number MAX_REQUESTS_PER_IP_PER_HOUR = new SettingOption.Number(
            "maxCodeRequestsPerIpPerHour", "Code requests per client IP per hour",
            "At most this many code requests from one client IP address in any hour, cluster-wide (1 to 10000). The IP is the one Keycloak trusts under its proxy-headers setting.",
            30, 1, 10000);
    public static final SettingOption.Text SUPPORT_EMAIL = new SettingOption.Text(
            "supportEmail", "Support e-mail",
            "Shown to shoppers who cannot open their mailbox. Blank: support@ followed by the domain of the realm's sender address.",
            "", 254);
    public static final SettingOption.Text MAIL_TIME_ZONE = new SettingOption.Text(
            "mailTimeZone", "Time zone in e-mails",
            "Time zone of the time shown in the «password changed» e-mail, as a region ID such as Europe/Moscow, Asia/Yekaterinburg or UTC.",
            "Europe/Moscow", 64);
    public static final SettingOption.Choice FORCE_LOGIN = new SettingOption.Choice(
            "forceLogin", "Force login after reset",
            "true: the shopper logs in again with the new password. false: the shopper is signed in straight away. only-federated (default): only users from a federation provider log in again.",
            ForceLogin.ONLY_FEDERATED.configValue(),
            Arrays.stream(ForceLogin.values()).map(ForceLogin::configValue).toList());
    public static final SettingOption.Flag SIGN_OUT_OTHER_SESSIONS = new SettingOption.Flag(
            "signOutOtherSessions", "Sign out other sessions",
            "After a reset, end every other session and revoke offline tokens of the account, whatever the form posts.",
            true);

    /** Every option, in the order the console shows them. */
    public static final List<SettingOption> OPTIONS = List.of(
            CODE_LENGTH, CODE_LIFETIME_SECONDS, MAX_ATTEMPTS_PER_CODE, RESEND_COOLDOWN_SECONDS,
            MAX_CODES_PER_HOUR, MAX_FAILURES_PER_HOUR, MAX_REQUESTS_PER_IP_PER_HOUR,
            SUPPORT_EMAIL, MAIL_TIME_ZONE, FORCE_LOGIN, SIGN_OUT_OTHER_SESSIONS);

    private static final Pattern PLAIN_EMAIL = Pattern.compile("^[^\\s@<>\"',;]+@[^\\s@<>\"',;]+\\.[^\\s@<>\"',;]+$");

    private static final ResetCodeSettings DEFAULTS = parse(Map.of());

    private final int codeLength;
    private final Duration codeLifetime;
    private final int maxAttemptsPerCode;
    private final Duration resendCooldown;
    private final int maxCodesPerHour;
    private final int maxFailuresPerHour;
    private final int maxRequestsPerIpPerHour;
    private final String supportEmail;
    private final ZoneId mailTimeZone;
    private final ForceLogin forceLogin;
    private final boolean signOutOtherSessions;
    private final List<String> problems;

    private ResetCodeSettings(Reader reader) {
        this.codeLength = reader.number(CODE_LENGTH);
        this.codeLifetime = Duration.ofSeconds(reader.number(CODE_LIFETIME_SECONDS));
        this.maxAttemptsPerCode = reader.number(MAX_ATTEMPTS_PER_CODE);
        this.resendCooldown = Duration.ofSeconds(reader.number(RESEND_COOLDOWN_SECONDS));
        this.maxCodesPerHour = reader.number(MAX_CODES_PER_HOUR);
        this.maxFailuresPerHour = reader.number(MAX_FAILURES_PER_HOUR);
        this.maxRequestsPerIpPerHour = reader.number(MAX_REQUESTS_PER_IP_PER_HOUR);
        this.supportEmail = reader.email(SUPPORT_EMAIL);
        this.mailTimeZone = reader.zone(MAIL_TIME_ZONE);
        this.forceLogin = ForceLogin.fromConfigValue(reader.choice(FORCE_LOGIN));
        this.signOutOtherSessions = reader.flag(SIGN_OUT_OTHER_SESSIONS);
        this.problems = List.copyOf(reader.problems);
    }

    /** Parses an execution's config; {@code config} may be empty (no config saved yet). Never throws. */
    public static ResetCodeSettings parse(Map<String, String> config) {
        return new ResetCodeSettings(new Reader(config == null ? Map.of() : config));
    }

    public static ResetCodeSettings defaults() {
        return DEFAULTS;
    }

    public int codeLength() {
        return codeLength;
    }

    public Duration codeLifetime() {
        return codeLifetime;
    }

    public int maxAttemptsPerCode() {
        return maxAttemptsPerCode;
    }

    public Duration resendCooldown() {
        return resendCooldown;
    }

    public int maxCodesPerHour() {
        return maxCodesPerHour;
    }

    public int maxFailuresPerHour() {
        return maxFailuresPerHour;
    }

    public int maxRequestsPerIpPerHour() {
        return maxRequestsPerIpPerHour;
    }

    /** The configured support address, or blank when the realm's sender domain should be used. */
    public String supportEmail() {
        return supportEmail;
    }

    /**
     * The support address shoppers see: the configured one, else {@code support@<domain of senderAddress>},
     * else {@code support@example.com} when the realm has no sender either.
     */
    public String supportEmailFor(String senderAddress) {
        if (!supportEmail.isBlank()) {
            return supportEmail;
        }
        if (senderAddress != null) {
            int at = senderAddress.lastIndexOf('@');
            String domain = at < 0 ? "" : senderAddress.substring(at + 1).trim();
            if (!domain.isEmpty() && PLAIN_EMAIL.matcher("support@" + domain).matches()) {
                return "support@" + domain;
            }
        }
        return "support@example.com";
    }

    /** The zone in which e-mails state a time. */
    public ZoneId mailTimeZone() {
        return mailTimeZone;
    }

    public ForceLogin forceLogin() {
        return forceLogin;
    }

    public boolean signOutOtherSessions() {
        return signOutOtherSessions;
    }

    /** Human-readable reasons why configured values were replaced by defaults; empty when all were valid. */
    public List<String> problems() {
        return problems;
    }

    /** Reads one value at a time, collecting what was wrong instead of failing the shopper's request. */
    private static final class Reader {
        private final Map<String, String> config;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> config) {
            this.config = config;
        }

        private String raw(SettingOption option) {
            String value = config.get(option.key());
            return value == null ? null : value.trim();
        }

        int number(SettingOption.Number option) {
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
            problems.add(String.format("%s (%s) must be a whole number from %d to %d, was '%s'; using %d",
                    option.label(), option.key(), option.min(), option.max(), value, option.defaultValue()));
            return option.defaultValue();
        }

        String email(SettingOption.Text option) {
            String value = raw(option);
            if (value == null || value.isEmpty()) {
                return option.defaultValue();
            }
            if (value.length() <= option.maxLength() && PLAIN_EMAIL.matcher(value).matches()) {
                return value;
            }
            problems.add(String.format("%s (%s) must be a plain e-mail address, was '%s'; using the derived default",
                    option.label(), option.key(), value));
            return option.defaultValue();
        }

        ZoneId zone(SettingOption.Text option) {
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
            problems.add(String.format("%s (%s) must be a time zone ID such as Europe/Moscow, was '%s'; using %s",
                    option.label(), option.key(), value, option.defaultValue()));
            return ZoneId.of(option.defaultValue());
        }

        String choice(SettingOption.Choice option) {
            String value = raw(option);
            if (value == null || value.isEmpty()) {
                return option.defaultValue();
            }
            for (String allowed : option.values()) {
                if (allowed.equalsIgnoreCase(value)) {
                    return allowed;
                }
            }
            problems.add(String.format("%s (%s) must be one of %s, was '%s'; using %s",
                    option.label(), option.key(), option.values(), value, option.defaultValue()));
            return option.defaultValue();
        }

        boolean flag(SettingOption.Flag option) {
            String value = raw(option);
            if (value == null || value.isEmpty()) {
                return option.defaultValue();
            }
            if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
                return Boolean.parseBoolean(value);
            }
            problems.add(String.format("%s (%s) must be true or false, was '%s'; using %s",
                    option.label(), option.key(), value, option.defaultValue()));
            return option.defaultValue();
        }
    }
}

package ru.marketplace.keycloak.code;

import java.time.Duration;
import java.util.List;
import ru.marketplace.keycloak.settings.SettingOption;
import ru.marketplace.keycloak.settings.SettingsReader;

/**
 * What the code engine reads of a flow's settings: the code's length, lifetime and attempts, the resend cooldown and
 * the hourly caps. Each flow that mails a code (the reset, the address verification) offers these options under the
 * same keys and labels, next to options of its own.
 *
 * <p>Bounded so an admin cannot configure a flow below the NIST/ASVS floor: codes of at least 6 digits, valid at most
 * 10 minutes, at most 100 wrong codes per account per hour.
 */
public record CodeRules(int codeLength, Duration codeLifetime, int maxAttemptsPerCode, Duration resendCooldown,
                        int maxCodesPerHour, int maxFailuresPerHour, int maxRequestsPerIpPerHour) {

    /** No code lives longer: marks that must outlive every code (revocations, single-use marks) are sized by it. */
    public static final Duration LONGEST_LIFETIME = Duration.ofMinutes(10);

    public static final SettingOption.Number CODE_LENGTH = new SettingOption.Number(
            "codeLength", "Code length",
            "Number of digits in the code sent by e-mail (6 to 10; NIST requires at least 6).",
            6, 6, 10);
    public static final SettingOption.Number CODE_LIFETIME_SECONDS = new SettingOption.Number(
            "codeLifetimeSeconds", "Code lifetime (seconds)",
            "How long a code stays valid after it is sent, judged by server time (5 to 600; default 600 = 10 minutes).",
            600, 5, (int) LONGEST_LIFETIME.toSeconds());
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

    /** The engine's options, in the order the console shows them. */
    public static final List<SettingOption> OPTIONS = List.of(
            CODE_LENGTH, CODE_LIFETIME_SECONDS, MAX_ATTEMPTS_PER_CODE, RESEND_COOLDOWN_SECONDS,
            MAX_CODES_PER_HOUR, MAX_FAILURES_PER_HOUR, MAX_REQUESTS_PER_IP_PER_HOUR);

    /** The rules of a config map alone (tests, and flows whose other options do not matter); wrong values fall back. */
    public static CodeRules of(java.util.Map<String, String> config) {
        return read(new SettingsReader(config));
    }

    /** Reads the engine's options; what was wrong is left in {@code reader}'s problems. */
    public static CodeRules read(SettingsReader reader) {
        return new CodeRules(
                reader.number(CODE_LENGTH),
                Duration.ofSeconds(reader.number(CODE_LIFETIME_SECONDS)),
                reader.number(MAX_ATTEMPTS_PER_CODE),
                Duration.ofSeconds(reader.number(RESEND_COOLDOWN_SECONDS)),
                reader.number(MAX_CODES_PER_HOUR),
                reader.number(MAX_FAILURES_PER_HOUR),
                reader.number(MAX_REQUESTS_PER_IP_PER_HOUR));
    }
}

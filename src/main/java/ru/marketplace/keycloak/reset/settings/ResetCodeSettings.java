package ru.marketplace.keycloak.reset.settings;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ru.marketplace.keycloak.code.CodeRules;
import ru.marketplace.keycloak.settings.SettingOption;
import ru.marketplace.keycloak.settings.SettingsReader;
import ru.marketplace.keycloak.settings.SupportAddress;

/**
 * The reset step's settings, read once per request from the execution's config map: the code engine's
 * {@link CodeRules} and the reset's own options. A wrong value falls back to its default and is reported in
 * {@link #problems()} (see {@link SettingsReader}).
 *
 * @param supportEmail the configured support address, or blank when the realm's sender domain should be used
 * @param mailTimeZone the zone in which e-mails state a time
 * @param problems     why configured values were replaced by defaults; empty when all were valid
 */
public record ResetCodeSettings(CodeRules rules, String supportEmail, ZoneId mailTimeZone, ForceLogin forceLogin,
                                boolean signOutOtherSessions, List<String> problems) {

    public static final SettingOption.Text SUPPORT_EMAIL = SupportAddress.OPTION;
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

    /** Every option, in the order the console shows them: the engine's first. */
    public static final List<SettingOption> OPTIONS = Stream.concat(CodeRules.OPTIONS.stream(),
            Stream.of(SUPPORT_EMAIL, MAIL_TIME_ZONE, FORCE_LOGIN, SIGN_OUT_OTHER_SESSIONS)).toList();

    private static final ResetCodeSettings DEFAULTS = parse(Map.of());

    public ResetCodeSettings {
        problems = List.copyOf(problems);
    }

    /** Parses an execution's config; {@code config} may be null or empty (no config saved yet). Never throws. */
    public static ResetCodeSettings parse(Map<String, String> config) {
        SettingsReader reader = new SettingsReader(config);
        CodeRules rules = CodeRules.read(reader);
        String supportEmail = reader.email(SUPPORT_EMAIL);
        ZoneId mailTimeZone = reader.zone(MAIL_TIME_ZONE);
        ForceLogin forceLogin = ForceLogin.fromConfigValue(reader.choice(FORCE_LOGIN));
        boolean signOutOtherSessions = reader.flag(SIGN_OUT_OTHER_SESSIONS);
        return new ResetCodeSettings(rules, supportEmail, mailTimeZone, forceLogin, signOutOtherSessions, reader.problems());
    }

    public static ResetCodeSettings defaults() {
        return DEFAULTS;
    }

    /**
     * The support address shoppers see: the configured one, else {@code support@<domain of senderAddress>},
     * else {@code support@example.com} when the realm has no sender either.
     */
    public String supportEmailFor(String senderAddress) {
        return SupportAddress.of(supportEmail, senderAddress);
    }
}

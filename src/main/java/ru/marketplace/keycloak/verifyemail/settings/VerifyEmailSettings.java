package ru.marketplace.keycloak.verifyemail.settings;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ru.marketplace.keycloak.code.CodeRules;
import ru.marketplace.keycloak.settings.SettingOption;
import ru.marketplace.keycloak.settings.SettingsReader;
import ru.marketplace.keycloak.settings.SupportAddress;

/**
 * The address verification's settings, from the required action's config in the admin console (Authentication →
 * Required actions → the gear of «Marketplace: verify e-mail with a code»): the code engine's {@link CodeRules}
 * under the same keys and labels as the reset's, the support address, and whether new accounts are asked.
 *
 * @param verifyNewAccounts ask for a code right after registration even when the realm does not require verified
 *                          addresses of every account (Realm settings → Login → «Verify email» off)
 * @param problems          why configured values were replaced by defaults; empty when all were valid
 */
public record VerifyEmailSettings(CodeRules rules, String supportEmail, boolean verifyNewAccounts, List<String> problems) {

    public static final SettingOption.Flag VERIFY_NEW_ACCOUNTS = new SettingOption.Flag(
            "verifyNewAccounts", "Verify new accounts",
            "On: a shopper who has just registered confirms the address with a code before reaching the storefront, even when «Verify email» (Realm settings → Login) is off. With «Verify email» on, every account with an unconfirmed address is asked at its next login.",
            true);

    /** Every option, in the order the console shows them: the engine's first. */
    public static final List<SettingOption> OPTIONS = Stream.concat(CodeRules.OPTIONS.stream(),
            Stream.of(SupportAddress.OPTION, VERIFY_NEW_ACCOUNTS)).toList();

    public VerifyEmailSettings {
        problems = List.copyOf(problems);
    }

    /** Parses the required action's config; {@code config} may be null or empty. Never throws. */
    public static VerifyEmailSettings parse(Map<String, String> config) {
        SettingsReader reader = new SettingsReader(config);
        CodeRules rules = CodeRules.read(reader);
        String supportEmail = reader.email(SupportAddress.OPTION);
        boolean verifyNewAccounts = reader.flag(VERIFY_NEW_ACCOUNTS);
        return new VerifyEmailSettings(rules, supportEmail, verifyNewAccounts, reader.problems());
    }

    /** What a console should refuse to save in {@code config}, one sentence each; empty when it is valid. */
    public static List<String> refusals(Map<String, String> config) {
        SettingsReader reader = new SettingsReader(config);
        CodeRules.read(reader);
        reader.email(SupportAddress.OPTION);
        reader.flag(VERIFY_NEW_ACCOUNTS);
        return reader.refusals();
    }

    public String supportEmailFor(String senderAddress) {
        return SupportAddress.of(supportEmail, senderAddress);
    }
}

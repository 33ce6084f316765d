package ru.marketplace.keycloak.reset.newpassword;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import ru.marketplace.keycloak.reset.policy.MarketplacePasswordPolicyProvider;
import ru.marketplace.keycloak.reset.policy.PasswordRules;

/**
 * Puts the realm's marketplace password rules on the new-password screen before the shopper types:
 * {@code passwordRules}, one localised sentence, and {@code passwordRuleNumbers}, the numbers for the live
 * checklist. Both come from the realm's actual policy; a realm without the marketplace policy gets neither.
 */
class PasswordRulesView {

    void addTo(LoginFormsProvider form, KeycloakSession session, RealmModel realm, UserModel user) {
        MarketplacePasswordPolicyProvider.describeRules(session, realm, user)
                .ifPresent(sentence -> form.setAttribute("passwordRules", sentence));
        MarketplacePasswordPolicyProvider.configuredRules(realm)
                .ifPresent(rules -> form.setAttribute("passwordRuleNumbers", numbers(rules)));
    }

    static Map<String, Integer> numbers(PasswordRules rules) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        numbers.put("minLength", rules.minLength());
        numbers.put("maxLength", rules.maxLength());
        numbers.put("digits", rules.minDigits());
        numbers.put("upper", rules.minUpperCase());
        numbers.put("lower", rules.minLowerCase());
        // zxcvbn's minimum score: no script can check it, but the checklist says that common passwords will not do
        numbers.put("score", rules.minScore());
        return numbers;
    }
}

package ru.marketplace.keycloak.reset.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.keycloak.Token;
import org.keycloak.representations.AccessToken;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import ru.marketplace.keycloak.theme.ThemeMessages;
import ru.marketplace.keycloak.reset.policy.breach.BreachCheck;

/**
 * The marketplace password rules as a Keycloak password policy: Keycloak calls it wherever the realm's policy
 * applies (reset, registration, account console, an admin setting a password). The judging is
 * {@link PasswordChecker}'s, the wording {@link PasswordRulesText}'s; this class only fetches the rules, the
 * user's data, the locale and the theme's messages. Created per {@link KeycloakSession}.
 *
 * <p>For the new-password screen, which shows the rules before the shopper types:
 * <ul>
 *   <li>{@link #configuredRules(RealmModel)}: the realm's parsed rules, empty when the realm does not use this
 *       policy;</li>
 *   <li>{@link #describeRules(KeycloakSession, RealmModel, UserModel)}: the same, as one sentence in the
 *       user's language, from the login theme's messages; or, with messages at hand,
 *       {@link PasswordRulesText#describe(PasswordRules)}.</li>
 * </ul>
 */
public final class MarketplacePasswordPolicyProvider implements PasswordPolicyProvider {

    /** Fields of Keycloak's registration form that hold the shopper's data (RegistrationPage.FIELD_*). */
    private static final List<String> REGISTRATION_FIELDS = List.of("email", "firstName", "lastName");

    private final KeycloakSession session;
    private final PasswordChecker checker;

    MarketplacePasswordPolicyProvider(KeycloakSession session, PasswordChecker checker) {
        this.session = session;
        this.checker = checker;
    }

    /** The rules in force in the realm, as {@link #parseConfig} read them; empty when the policy is not used. */
    public static Optional<PasswordRules> configuredRules(RealmModel realm) {
        PasswordPolicy policy = realm == null ? null : realm.getPasswordPolicy();
        Object rules = policy == null ? null : policy.getPolicyConfig(MarketplacePasswordPolicyProviderFactory.PROVIDER_ID);
        return rules instanceof PasswordRules parsed ? Optional.of(parsed) : Optional.empty();
    }

    /**
     * The realm's rules in words for {@code user}'s locale ({@link PasswordRulesText#describe}), from the login
     * theme's messages and the realm's localization; empty when the realm does not use the policy.
     *
     * @param user the user the screen is for, or {@code null} (the locale then comes from the request)
     */
    public static Optional<String> describeRules(KeycloakSession session, RealmModel realm, UserModel user) {
        return configuredRules(realm).map(rules -> {
            Locale locale = session.getContext().resolveLocale(user);
            return new PasswordRulesText(locale, ThemeMessages.login(session, realm, locale)).describe(rules);
        });
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        List<String> userInputs = Arrays.asList(user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName());
        return validate(realm, user, password, userInputs);
    }

    @Override
    public PolicyError validate(String username, String password) {
        // Registration checks the password before the user exists, knowing only the username. Once the user is
        // created Keycloak checks again with the full UserModel, and a refusal there is not shown: the shopper
        // silently gets UPDATE_PASSWORD. So the first check must see the same data: read it from the form.
        List<String> userInputs = new ArrayList<>(4);
        userInputs.add(username);
        userInputs.addAll(registrationFormInputs());
        return validate(session.getContext().getRealm(), null, password, userInputs);
    }

    @Override
    public Object parseConfig(String value) {
        try {
            return PasswordRules.parse(value);
        } catch (InvalidPasswordRulesException invalid) {
            // the admin API answers 400 with this message, so the admin sees it when saving the policy
            throw new PasswordPolicyConfigException(invalid.getMessage());
        }
    }

    @Override
    public void close() {
        // nothing held per session
    }

    private PolicyError validate(RealmModel realm, UserModel user, String password, List<String> userInputs) {
        PasswordRules rules = configuredRules(realm).orElse(PasswordRules.DEFAULTS);
        // the realm's breached-password policy, if any, joins this policy's one combined message
        BreachCheck breach = BreachedPasswordPolicyProvider.configuredCheck(session, realm).orElse(null);
        Optional<PasswordProblem> problem = checker.check(rules, password, userInputs, breach);
        if (problem.isEmpty()) {
            return null;
        }
        // the parameters are words: put them in the language Keycloak will show the message in
        Locale locale = messageLocale(user);
        RefusalMessage refusal = new PasswordRulesText(locale, ThemeMessages.login(session, realm, locale))
                .refusal(problem.get(), rules);
        return new PolicyError(refusal.key(), refusal.parameters().toArray());
    }

    /**
     * The admin REST API words its errors in the admin's language (the access token's locale, else English), not the
     * target user's; everywhere else Keycloak uses the user's locale.
     */
    private Locale messageLocale(UserModel user) {
        Token bearer = session.getContext().getBearerToken();
        if (bearer instanceof AccessToken token && isAdminRequest()) {
            return token.getLocale() != null ? Locale.forLanguageTag(token.getLocale()) : Locale.ENGLISH;
        }
        return session.getContext().resolveLocale(user);
    }

    private boolean isAdminRequest() {
        try {
            String path = session.getContext().getUri().getPath();
            return path != null && (path.startsWith("/admin/") || path.startsWith("admin/"));
        } catch (RuntimeException noRequest) {
            return false;
        }
    }

    private List<String> registrationFormInputs() {
        try {
            HttpRequest request = session.getContext().getHttpRequest();
            MediaType type = request == null ? null : request.getHttpHeaders().getMediaType();
            if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
                return List.of();
            }
            MultivaluedMap<String, String> form = request.getDecodedFormParameters();
            return REGISTRATION_FIELDS.stream().map(form::getFirst).filter(Objects::nonNull).toList();
        } catch (RuntimeException noRequest) {
            // not called from an HTTP request: the username is all there is
            return List.of();
        }
    }
}

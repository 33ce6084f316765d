package ru.marketplace.keycloak.reset.policy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;
import ru.marketplace.keycloak.reset.policy.breach.BreachCheck;
import ru.marketplace.keycloak.reset.policy.breach.BreachSettings;
import ru.marketplace.keycloak.reset.policy.breach.PwnedRangeClient;

/**
 * Registers "Marketplace breached passwords" in Authentication → Policies → Password policy: refuses a password
 * found in this node's breached-password filter (the shipped list, or a file built from Pwned Passwords) and,
 * optionally, by the Pwned Passwords range API. Its config is a {@link BreachSettings} config
 * ({@value BreachSettings#DEFAULT_CONFIG} by default).
 *
 * <p>Nothing is read at server start: the shipped list is read on the first password, a file is mapped when a realm's
 * policy is first parsed (microseconds: only its header is read), so Keycloak starts as fast as without it.
 */
public final class BreachedPasswordPolicyProviderFactory extends OneValuePolicyFactory {

    /** The policy's id in the realm's password policy string: {@code marketplaceBreachedPassword(builtin)}. */
    public static final String PROVIDER_ID = "marketplaceBreachedPassword";

    private final BreachFilters filters = new BreachFilters(Clock.systemUTC());
    // one client per node: it pools connections to the range API; built on the first online check
    private volatile HttpClient http;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new BreachedPasswordPolicyProvider(session, this);
    }

    @Override
    public String getDisplayName() {
        return "Marketplace breached passwords";
    }

    @Override
    public String getDefaultConfigValue() {
        return BreachSettings.DEFAULT_CONFIG;
    }

    BreachFilters filters() {
        return filters;
    }

    /** The check for a realm's settings: this node's filter, and the range API client when it is configured. */
    BreachCheck checkFor(BreachSettings settings) {
        PwnedRangeClient online = settings.online() == null ? null
                : new PwnedRangeClient(httpClient(), settings.online(), settings.timeout());
        return new BreachCheck(filters.forFile(settings.file()), online, settings.refuseWithoutAnswer());
    }

    private HttpClient httpClient() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(1000))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                client = http;
            }
        }
        return client;
    }
}

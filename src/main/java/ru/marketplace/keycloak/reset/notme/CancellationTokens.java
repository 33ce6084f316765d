package ru.marketplace.keycloak.reset.notme;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.models.SingleUseObjectProvider;
import ru.marketplace.keycloak.reset.limits.StoreKeys;

/**
 * The «Это были не вы?» link's token: a random value that names the account a code was sent to, kept in the
 * cluster-wide single-use-object store and usable once. It grants nothing but cancelling: a mail scanner or a
 * forwarded mail can at worst void a code the owner did not want.
 */
public final class CancellationTokens {

    /** Long enough for an owner who reads the mail the next day; cancelling then still leaves an audit event. */
    static final Duration LIFESPAN = Duration.ofHours(24);
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String ACCOUNT = "account";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SingleUseObjectProvider store;

    public CancellationTokens(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** A new token for a code sent to {@code accountId}. */
    public String issue(String accountId) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.put(key(token), LIFESPAN.toSeconds(), Map.of(ACCOUNT, accountId));
        return token;
    }

    /** Whether {@code token} is a live token, without using it (the confirmation page). */
    public boolean isLive(String token) {
        return isWellFormed(token) && store.contains(key(token));
    }

    /** Uses {@code token} up: the account it names, for exactly one caller cluster-wide. */
    public Optional<String> redeem(String token) {
        if (!isWellFormed(token)) {
            return Optional.empty();
        }
        Map<String, String> notes = store.remove(key(token));
        return Optional.ofNullable(notes).map(n -> n.get(ACCOUNT));
    }

    static boolean isWellFormed(String token) {
        return token != null && TOKEN_SHAPE.matcher(token).matches();
    }

    private static String key(String token) {
        return StoreKeys.of("not-me", token);
    }
}

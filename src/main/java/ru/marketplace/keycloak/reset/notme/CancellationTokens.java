package ru.marketplace.keycloak.reset.notme;

import ru.marketplace.keycloak.reset.settings.ResetKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import ru.marketplace.keycloak.code.limits.StoreKeys;

/**
 * The «Это были не вы?» link's token: names the account a code was sent to, signed with the realm's HMAC key
 * (Keycloak's key rotation applies: any of the realm's enabled HS512 keys verifies) and usable once. Issuing it
 * stores nothing; using it claims a single-use mark for the rest of its life. It grants nothing but cancelling: a
 * mail scanner or a forwarded mail can at worst void a code the owner did not want.
 */
public final class CancellationTokens {

    /** Long enough for an owner who reads the mail the next day; cancelling then still leaves an audit event. */
    static final Duration LIFESPAN = Duration.ofHours(24);

    private final KeycloakSession session;
    private final RealmModel realm;

    public CancellationTokens(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** A new token for a code sent to {@code accountId}. */
    public String issue(String accountId) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        return SignedCancellation.sign(accountId, Instant.now(), key.getSecretKey().getEncoded());
    }

    /** Whether {@code token} is valid and unused, without using it (the confirmation page). */
    public boolean isLive(String token) {
        return verified(token).filter(claim -> !store().contains(usedKey(token))).isPresent();
    }

    /** Uses {@code token} up: the account it names, for exactly one caller cluster-wide. */
    public Optional<String> redeem(String token) {
        return verified(token)
                .filter(claim -> store().putIfAbsent(usedKey(token), secondsLeft(claim)))
                .map(SignedCancellation.Claim::accountId);
    }

    private Optional<SignedCancellation.Claim> verified(String token) {
        List<byte[]> keys = session.keys().getKeysStream(realm, KeyUse.SIG, Algorithm.HS512)
                .filter(key -> key.getStatus() != KeyStatus.DISABLED && key.getSecretKey() != null)
                .map(key -> key.getSecretKey().getEncoded())
                .toList();
        return SignedCancellation.verify(token, keys, LIFESPAN, Instant.now());
    }

    private static long secondsLeft(SignedCancellation.Claim claim) {
        return Math.max(1, Duration.between(Instant.now(), claim.issuedAt().plus(LIFESPAN)).toSeconds() + 1);
    }

    private SingleUseObjectProvider store() {
        return session.getProvider(SingleUseObjectProvider.class);
    }

    private static String usedKey(String token) {
        return ResetKeys.STORE_NAMESPACE + StoreKeys.of("not-me-used", token);
    }
}

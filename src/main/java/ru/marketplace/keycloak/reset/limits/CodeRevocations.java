package ru.marketplace.keycloak.reset.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;

/**
 * Voids every pending code of an account at once: when the owner signs in with the password (they evidently
 * remember it) or answers «Это были не вы?». Codes issued after the revocation are unaffected.
 */
public final class CodeRevocations {

    // the mark must outlive any code issued before it; the longest lifetime an admin can set is bounded
    private static final Duration LIFESPAN = Duration.ofSeconds(ResetCodeSettings.CODE_LIFETIME_SECONDS.max()).plusMinutes(1);

    private final SlotStore store;

    public CodeRevocations(SlotStore store) {
        this.store = store;
    }

    public void revoke(String accountId, Instant now) {
        store.mark(key(accountId), LIFESPAN, now);
    }

    /** When the account's codes were last revoked, if that could still matter to a living code. */
    public Optional<Instant> revokedAt(String accountId) {
        return store.expiresAt(key(accountId)).map(expiry -> expiry.minus(LIFESPAN));
    }

    /** Whether a code issued at {@code issuedAt} to {@code accountId} has been revoked. */
    public boolean isRevoked(String accountId, Instant issuedAt) {
        return revokedAt(accountId).filter(revoked -> !issuedAt.isAfter(revoked)).isPresent();
    }

    private static String key(String accountId) {
        return StoreKeys.of("revoked", accountId);
    }
}

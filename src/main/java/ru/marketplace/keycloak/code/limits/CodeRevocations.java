package ru.marketplace.keycloak.code.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ru.marketplace.keycloak.code.CodeRules;

/**
 * Voids every pending code of an account at once: when the owner signs in with the password (they evidently
 * remember it) or answers «Это были не вы?». Codes issued after the revocation are unaffected.
 */
public final class CodeRevocations {

    // the mark must outlive any code issued before it; the longest lifetime an admin can set is bounded
    private static final Duration LIFESPAN = CodeRules.LONGEST_LIFETIME.plusMinutes(1);
    // epoch milliseconds: revocations are compared with code issue times, which can fall in the same second
    private static final String REVOKED_AT = "at";

    private final LimitStore store;

    public CodeRevocations(LimitStore store) {
        this.store = store;
    }

    public void revoke(String accountId, Instant now) {
        store.write(key(accountId), REVOKED_AT, Long.toString(now.toEpochMilli()), LIFESPAN);
    }

    /** When the account's codes were last revoked, if that could still matter to a living code. */
    public Optional<Instant> revokedAt(String accountId) {
        String revokedAt = store.read(key(accountId)).get(REVOKED_AT);
        try {
            return revokedAt == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(revokedAt)));
        } catch (NumberFormatException damaged) {
            return Optional.empty();
        }
    }

    /** Whether a code issued at {@code issuedAt} to {@code accountId} has been revoked. */
    public boolean isRevoked(String accountId, Instant issuedAt) {
        return revokedAt(accountId).filter(revoked -> !issuedAt.isAfter(revoked)).isPresent();
    }

    private static String key(String accountId) {
        return StoreKeys.of("revoked", accountId);
    }
}

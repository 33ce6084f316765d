package ru.marketplace.keycloak.reset.limits;

import java.time.Duration;
import java.time.Instant;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;

/**
 * Every cluster-wide limit of the reset flow, built from the settings over one {@link SlotStore}.
 *
 * <p>Account-level limits are keyed by the account id when the address belongs to an account and by the
 * typed address otherwise, so an unknown address is throttled exactly like a known one and the limits
 * themselves reveal nothing.
 */
public final class ResetLimits {

    private static final Duration HOUR = Duration.ofHours(1);

    private final SlotStore store;
    private final SlidingWindowLimit codesPerAccount;
    private final SlidingWindowLimit wrongCodesPerAccount;
    private final SlidingWindowLimit requestsPerIp;
    private final ResetCodeSettings settings;

    public ResetLimits(ResetCodeSettings settings, SlotStore store) {
        this.settings = settings;
        this.store = store;
        this.codesPerAccount = new SlidingWindowLimit(store, "codes", settings.maxCodesPerHour(), HOUR);
        this.wrongCodesPerAccount = new SlidingWindowLimit(store, "wrong", settings.maxFailuresPerHour(), HOUR);
        this.requestsPerIp = new SlidingWindowLimit(store, "ip", settings.maxRequestsPerIpPerHour(), HOUR);
    }

    /** The subject account-level limits count under. */
    public static String accountSubject(String accountId, String address) {
        return accountId != null ? "account:" + accountId : "address:" + address;
    }

    public SlidingWindowLimit codesPerAccount() {
        return codesPerAccount;
    }

    public SlidingWindowLimit wrongCodesPerAccount() {
        return wrongCodesPerAccount;
    }

    public SlidingWindowLimit requestsPerIp() {
        return requestsPerIp;
    }

    /** Wrong attempts for one code: lives as long as the code, so it can never be reset while the code is valid. */
    public SlidingWindowLimit attemptsFor(String codeId) {
        return new SlidingWindowLimit(store, "attempts", settings.maxAttemptsPerCode(), settings.codeLifetime());
    }

    /** Account-wide revocations of pending codes. */
    public CodeRevocations revocations() {
        return new CodeRevocations(store);
    }

    /** Marks a code as used; true for exactly one caller cluster-wide, false when it was used already. */
    public boolean consumeOnce(String codeId, Instant now) {
        // outlive the code itself, so a replay after expiry is still recognised as a replay
        return store.claim(StoreKeys.of("used", codeId), settings.codeLifetime().plus(HOUR), now);
    }
}

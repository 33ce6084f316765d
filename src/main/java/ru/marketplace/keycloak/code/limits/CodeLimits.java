package ru.marketplace.keycloak.code.limits;

import ru.marketplace.keycloak.code.CodeRules;

import java.time.Duration;
import java.time.Instant;


/**
 * Every cluster-wide limit of a code flow, built from its rules over one request's {@link LimitStore} (which keeps
 * the flow's entries in the flow's own namespace).
 *
 * <p>Account-level limits are keyed by the account id when the address belongs to an account and by the
 * typed address otherwise, so an unknown address is throttled exactly like a known one and the limits
 * themselves reveal nothing. Both account-level limits keep their ring records in the one entry of the account.
 */
public final class CodeLimits {

    private static final Duration HOUR = Duration.ofHours(1);

    private final LimitStore store;
    private final CodeRules rules;
    private final SlidingWindowLimit codesPerAccount;
    private final SlidingWindowLimit wrongCodesPerAccount;
    private final SlidingWindowLimit requestsPerIp;

    public CodeLimits(CodeRules rules, LimitStore store) {
        this.rules = rules;
        this.store = store;
        this.codesPerAccount = new SlidingWindowLimit(store, "c", rules.maxCodesPerHour(), HOUR);
        this.wrongCodesPerAccount = new SlidingWindowLimit(store, "w", rules.maxFailuresPerHour(), HOUR);
        this.requestsPerIp = new SlidingWindowLimit(store, "i", rules.maxRequestsPerIpPerHour(), HOUR);
    }

    /** The subject account-level limits count under. */
    public static String accountSubject(String accountId, String address) {
        return accountId != null ? "account:" + accountId : "address:" + address;
    }

    /** The subject the per-IP limit counts under. */
    public static String ipSubject(String clientIp) {
        return "ip:" + clientIp;
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

    /** Wrong attempts per code: the count outlives the code, so it can never be reset while the code is valid. */
    public CodeAttempts attemptsPerCode() {
        return new CodeAttempts(store, rules.maxAttemptsPerCode(), rules.codeLifetime().plusMinutes(1));
    }

    /** Account-wide revocations of pending codes. */
    public CodeRevocations revocations() {
        return new CodeRevocations(store);
    }

    /** Marks a code as used; true for exactly one caller cluster-wide, false when it was used already. */
    public boolean consumeOnce(String codeId, Instant now) {
        // outlive the code itself, so a replay after expiry is still recognised as a replay
        return store.claim(StoreKeys.of("used", codeId), rules.codeLifetime().plus(HOUR));
    }
}

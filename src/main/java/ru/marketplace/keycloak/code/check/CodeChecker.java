package ru.marketplace.keycloak.code.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ru.marketplace.keycloak.code.CodeDigest;
import ru.marketplace.keycloak.code.PendingCode;
import ru.marketplace.keycloak.code.limits.CodeAttempts;
import ru.marketplace.keycloak.code.limits.LimitDecision;
import ru.marketplace.keycloak.code.limits.CodeLimits;
import ru.marketplace.keycloak.code.CodeRules;

/**
 * Judges a code entry against the pending code.
 *
 * <p>Before a guess is compared it must win two claims: one of the code's attempts and one slot of the
 * account's hourly wrong-code allowance. Both are atomic in the cluster-wide store, so parallel guesses from
 * many sessions or nodes can never evaluate more wrong codes than the limits allow. A right code gives the
 * account's slot back (it was no wrong code), then consumes the code exactly once.
 */
public final class CodeChecker {

    private final CodeRules rules;
    private final CodeLimits limits;

    public CodeChecker(CodeRules rules, CodeLimits limits) {
        this.rules = rules;
        this.limits = limits;
    }

    /**
     * @param pending      the code this session holds
     * @param rawInput     what was typed
     * @param accountEmail the address stored on the code's account NOW (null if the account is gone);
     *                     a code issued before the address changed no longer matches
     */
    public CheckOutcome check(PendingCode pending, String rawInput, String accountEmail, Instant now) {
        Optional<String> candidate = CodeInput.normalise(rawInput, rules.codeLength());
        if (candidate.isEmpty()) {
            return CheckOutcome.of(CheckOutcome.Status.MALFORMED);
        }
        if (pending.isExpired(now)) {
            return CheckOutcome.of(CheckOutcome.Status.EXPIRED);
        }
        if (pending.forAccount() && limits.revocations().isRevoked(pending.accountId(), pending.issuedAt())) {
            return CheckOutcome.of(CheckOutcome.Status.REVOKED);
        }
        CodeAttempts attempts = limits.attemptsPerCode();
        if (attempts.exhausted(pending.attemptsUsed())) {
            return exhausted();
        }
        String subject = CodeLimits.accountSubject(pending.accountId(), pending.address());
        LimitDecision accountSlot = limits.wrongCodesPerAccount().tryAcquire(subject, now);
        if (!accountSlot.granted()) {
            return new CheckOutcome(CheckOutcome.Status.LOCKED, 0, accountSlot.retryAfter(), pending.attemptsUsed());
        }
        CodeAttempts.Attempt attempt = attempts.take(pending.codeId(), pending.attemptsUsed());
        if (!attempt.granted()) {
            limits.wrongCodesPerAccount().release(accountSlot);
            return exhausted();
        }

        String boundEmail = pending.forAccount() ? accountEmail : pending.address();
        boolean matches = CodeDigest.matches(pending.digest(), pending.bindingFor(boundEmail), candidate.get());
        // a code for an unknown address was never sent: even a lucky guess must not be told apart from a miss
        if (!matches || !pending.forAccount() || accountEmail == null) {
            return new CheckOutcome(CheckOutcome.Status.WRONG, attempt.remaining(), Duration.ZERO, attempt.used());
        }
        limits.wrongCodesPerAccount().release(accountSlot);
        if (!limits.consumeOnce(pending.codeId(), now)) {
            return CheckOutcome.of(CheckOutcome.Status.ALREADY_USED);
        }
        return CheckOutcome.of(CheckOutcome.Status.ACCEPTED);
    }

    private CheckOutcome exhausted() {
        return new CheckOutcome(CheckOutcome.Status.EXHAUSTED, 0, Duration.ZERO, rules.maxAttemptsPerCode());
    }
}

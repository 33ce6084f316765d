package ru.marketplace.keycloak.code.issue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import ru.marketplace.keycloak.code.CodeDigest;
import ru.marketplace.keycloak.code.PendingCode;
import ru.marketplace.keycloak.code.CodeGenerator;
import ru.marketplace.keycloak.code.limits.LimitDecision;
import ru.marketplace.keycloak.code.limits.CodeLimits;
import ru.marketplace.keycloak.code.CodeRules;

/**
 * Decides whether a code may be issued and issues it: the same work, in the same order, whether or not the
 * address belongs to an account, so neither the answer nor its timing tells the two apart.
 */
public final class CodeIssuer {

    private final CodeRules rules;
    private final CodeLimits limits;
    private final SecureRandom random;
    private final CodeGenerator generator;

    public CodeIssuer(CodeRules rules, CodeLimits limits, SecureRandom random) {
        this.rules = rules;
        this.limits = limits;
        this.random = random;
        this.generator = new CodeGenerator(random, rules.codeLength());
    }

    /**
     * @param address      the normalised address the shopper typed
     * @param accountId    the eligible account it belongs to, or null
     * @param accountEmail the address stored on that account (where the code goes), or null
     * @param clientIp     the client address Keycloak trusts
     * @param previous     the code this session holds already (for the resend cooldown), or null
     */
    public IssueOutcome issue(String address, String accountId, String accountEmail, String clientIp, PendingCode previous, Instant now) {
        return issue(address, accountId, accountEmail, clientIp, previous, null, now);
    }

    /**
     * As {@link #issue(String, String, String, String, PendingCode, Instant)}, knowing which code's mail the delivery
     * queue gave up on while the code was still valid.
     *
     * <p>When that is the session's code, the shopper waits for a mail that will never come: «Отправить код ещё раз»
     * then skips the resend cooldown (the cooldown only spaces out mails that were sent). The hourly caps per account
     * and per IP still apply, so a refusing mail server cannot be used to send more codes.
     *
     * @param abandonedCodeId id of the code whose mail was abandoned (the session's {@code mpReset.deliveryAbandoned}
     *                        note), or null; it counts only if it is {@code previous}'s id
     */
    public IssueOutcome issue(String address, String accountId, String accountEmail, String clientIp, PendingCode previous,
                              String abandonedCodeId, Instant now) {
        if (previous != null && !previous.codeId().equals(abandonedCodeId)) {
            Duration sinceLast = Duration.between(previous.issuedAt(), now);
            if (sinceLast.compareTo(rules.resendCooldown()) < 0) {
                return refused(IssueOutcome.Status.COOLDOWN, rules.resendCooldown().minus(sinceLast));
            }
        }
        String subject = CodeLimits.accountSubject(accountId, address);
        var locked = limits.wrongCodesPerAccount().refusalFor(subject, now);
        if (locked.isPresent()) {
            return refused(IssueOutcome.Status.LOCKED, locked.get());
        }
        LimitDecision perIp = limits.requestsPerIp().tryAcquire(CodeLimits.ipSubject(clientIp), now);
        if (!perIp.granted()) {
            return refused(IssueOutcome.Status.THROTTLED, perIp.retryAfter());
        }
        LimitDecision perAccount = limits.codesPerAccount().tryAcquire(subject, now);
        if (!perAccount.granted()) {
            return refused(IssueOutcome.Status.THROTTLED, perAccount.retryAfter());
        }

        // an unknown address gets a code too, that is never sent, so every later step behaves the same
        String code = generator.next();
        String codeId = newCodeId();
        String boundEmail = accountId != null ? accountEmail : address;
        String digest = CodeDigest.digest(code, CodeDigest.binding(codeId, accountId, boundEmail), random);
        PendingCode pending = new PendingCode(codeId, digest, address, accountId, now, now.plus(rules.codeLifetime()));
        return new IssueOutcome(IssueOutcome.Status.ISSUED, pending, accountId != null ? code : null, Duration.ZERO);
    }

    private String newCodeId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static IssueOutcome refused(IssueOutcome.Status status, Duration retryAfter) {
        return new IssueOutcome(status, null, null, retryAfter);
    }
}

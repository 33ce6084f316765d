package ru.marketplace.keycloak.reset.request;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import ru.marketplace.keycloak.reset.code.CodeDigest;
import ru.marketplace.keycloak.reset.code.PendingCode;
import ru.marketplace.keycloak.reset.code.ResetCodeGenerator;
import ru.marketplace.keycloak.reset.limits.LimitDecision;
import ru.marketplace.keycloak.reset.limits.ResetLimits;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;

/**
 * Decides whether a code may be issued and issues it: the same work, in the same order, whether or not the
 * address belongs to an account, so neither the answer nor its timing tells the two apart.
 */
public final class CodeIssuer {

    private final ResetCodeSettings settings;
    private final ResetLimits limits;
    private final SecureRandom random;
    private final ResetCodeGenerator generator;

    public CodeIssuer(ResetCodeSettings settings, ResetLimits limits, SecureRandom random) {
        this.settings = settings;
        this.limits = limits;
        this.random = random;
        this.generator = new ResetCodeGenerator(random, settings.codeLength());
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
            if (sinceLast.compareTo(settings.resendCooldown()) < 0) {
                return refused(IssueOutcome.Status.COOLDOWN, settings.resendCooldown().minus(sinceLast));
            }
        }
        String subject = ResetLimits.accountSubject(accountId, address);
        var locked = limits.wrongCodesPerAccount().refusalFor(subject, now);
        if (locked.isPresent()) {
            return refused(IssueOutcome.Status.LOCKED, locked.get());
        }
        LimitDecision perIp = limits.requestsPerIp().tryAcquire(ResetLimits.ipSubject(clientIp), now);
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
        PendingCode pending = new PendingCode(codeId, digest, address, accountId, now, now.plus(settings.codeLifetime()));
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

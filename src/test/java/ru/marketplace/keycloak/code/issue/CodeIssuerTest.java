package ru.marketplace.keycloak.code.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.code.CodeDigest;
import ru.marketplace.keycloak.code.limits.InMemoryLimitStore;
import ru.marketplace.keycloak.code.limits.CodeLimits;
import ru.marketplace.keycloak.code.issue.IssueOutcome.Status;
import ru.marketplace.keycloak.code.CodeRules;

class CodeIssuerTest {

    private final InMemoryLimitStore store = new InMemoryLimitStore();
    private Instant now = Instant.parse("2026-11-25T10:00:00Z");

    private CodeIssuer issuer(Map<String, String> config) {
        CodeRules settings = CodeRules.of(config);
        return new CodeIssuer(settings, new CodeLimits(settings, store), new SecureRandom());
    }

    @Test
    void issuesABoundCodeForAnAccount() {
        IssueOutcome outcome = issuer(Map.of()).issue("anna@shop.example", "user-1", "Anna@Shop.example", "10.0.0.1", null, now);
        assertEquals(Status.ISSUED, outcome.status());
        assertTrue(outcome.shouldSend());
        assertEquals(6, outcome.code().length());
        assertEquals(now.plus(Duration.ofMinutes(10)), outcome.pending().expiresAt());
        assertTrue(CodeDigest.matches(outcome.pending().digest(), outcome.pending().bindingFor("Anna@Shop.example"), outcome.code()),
                "bound to the address stored on the account, not the typed one");
    }

    @Test
    void anUnknownAddressGetsAPendingCodeThatIsNeverSent() {
        IssueOutcome outcome = issuer(Map.of()).issue("nobody@shop.example", null, null, "10.0.0.1", null, now);
        assertEquals(Status.ISSUED, outcome.status());
        assertFalse(outcome.shouldSend());
        assertNull(outcome.code());
        assertNotNull(outcome.pending());
        assertFalse(outcome.pending().forAccount());
    }

    @Test
    void resendWaitsForTheCooldown() {
        CodeIssuer issuer = issuer(Map.of());
        IssueOutcome first = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", null, now);
        IssueOutcome early = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", first.pending(), now.plusSeconds(45));
        assertEquals(Status.COOLDOWN, early.status());
        assertEquals(Duration.ofSeconds(15), early.retryAfter());
        assertEquals(Status.ISSUED, issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", first.pending(), now.plusSeconds(60)).status());
    }

    @Test
    void aResendAfterTheMailWasAbandonedSkipsTheCooldown() {
        CodeIssuer issuer = issuer(Map.of());
        IssueOutcome first = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", null, now);
        IssueOutcome resent = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", first.pending(),
                first.pending().codeId(), now.plusSeconds(5));
        assertEquals(Status.ISSUED, resent.status(), "the mail will never come: no reason to wait");
        assertTrue(resent.shouldSend());
        assertNotEquals(first.pending().codeId(), resent.pending().codeId());
        // the new code's mail was not abandoned: the cooldown applies again from it
        IssueOutcome again = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", resent.pending(),
                first.pending().codeId(), now.plusSeconds(6));
        assertEquals(Status.COOLDOWN, again.status());
        assertEquals(Duration.ofSeconds(59), again.retryAfter());
    }

    @Test
    void anAbandonedMailOfAnotherCodeDoesNotSkipTheCooldown() {
        CodeIssuer issuer = issuer(Map.of());
        IssueOutcome first = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", null, now);
        IssueOutcome early = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", first.pending(),
                "some-earlier-code-id", now.plusSeconds(5));
        assertEquals(Status.COOLDOWN, early.status());
    }

    @Test
    void anAbandonedMailStillCountsAgainstTheAccountsHourlyCodes() {
        CodeIssuer issuer = issuer(Map.of("maxCodesPerAccountPerHour", "2"));
        IssueOutcome first = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", null, now);
        IssueOutcome second = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", first.pending(),
                first.pending().codeId(), now.plusSeconds(1));
        assertEquals(Status.ISSUED, second.status());
        IssueOutcome third = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip", second.pending(),
                second.pending().codeId(), now.plusSeconds(2));
        assertEquals(Status.THROTTLED, third.status(), "a refusing mail server must not turn into unlimited codes");
        assertEquals(Duration.ofHours(1).minusSeconds(2), third.retryAfter());
    }

    @Test
    void anAbandonedMailStillCountsAgainstTheIpsHourlyRequests() {
        CodeIssuer issuer = issuer(Map.of("maxCodeRequestsPerIpPerHour", "2", "maxCodesPerAccountPerHour", "10"));
        IssueOutcome first = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "203.0.113.7", null, now);
        IssueOutcome second = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "203.0.113.7", first.pending(),
                first.pending().codeId(), now.plusSeconds(1));
        assertEquals(Status.ISSUED, second.status());
        IssueOutcome third = issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "203.0.113.7", second.pending(),
                second.pending().codeId(), now.plusSeconds(2));
        assertEquals(Status.THROTTLED, third.status());
    }

    @Test
    void atMostTheConfiguredCodesPerAccountPerHourWhateverTheSession() {
        CodeIssuer issuer = issuer(Map.of("maxCodesPerAccountPerHour", "3"));
        for (int i = 0; i < 3; i++) {
            assertEquals(Status.ISSUED, issuer.issue("anna@shop.example", "user-1", "anna@shop.example", "ip-" + i, null, now).status());
        }
        IssueOutcome refused = issuer.issue("ANNA-typed-differently@shop.example", "user-1", "anna@shop.example", "ip-9", null, now);
        assertEquals(Status.THROTTLED, refused.status(), "counted per account, not per typed string");
        assertEquals(Duration.ofHours(1), refused.retryAfter());
    }

    @Test
    void unknownAddressesAreThrottledTheSameWay() {
        CodeIssuer issuer = issuer(Map.of("maxCodesPerAccountPerHour", "2"));
        issuer.issue("nobody@shop.example", null, null, "ip-1", null, now);
        issuer.issue("nobody@shop.example", null, null, "ip-2", null, now);
        assertEquals(Status.THROTTLED, issuer.issue("nobody@shop.example", null, null, "ip-3", null, now).status());
    }

    @Test
    void oneIpCannotAskForCodesForManyAddresses() {
        CodeIssuer issuer = issuer(Map.of("maxCodeRequestsPerIpPerHour", "4"));
        for (int i = 0; i < 4; i++) {
            assertEquals(Status.ISSUED, issuer.issue("victim" + i + "@shop.example", null, null, "203.0.113.7", null, now).status());
        }
        assertEquals(Status.THROTTLED, issuer.issue("victim9@shop.example", null, null, "203.0.113.7", null, now).status());
        assertEquals(Status.ISSUED, issuer.issue("victim9@shop.example", null, null, "198.51.100.1", null, now).status());
    }

    @Test
    void noNewCodeWhileTheAccountsWrongCodeAllowanceIsUsedUp() {
        CodeRules settings = CodeRules.of(Map.of("maxWrongCodesPerAccountPerHour", "2"));
        CodeLimits limits = new CodeLimits(settings, store);
        limits.wrongCodesPerAccount().tryAcquire(CodeLimits.accountSubject("user-1", "x"), now);
        limits.wrongCodesPerAccount().tryAcquire(CodeLimits.accountSubject("user-1", "x"), now);
        IssueOutcome outcome = new CodeIssuer(settings, limits, new SecureRandom())
                .issue("anna@shop.example", "user-1", "anna@shop.example", "ip", null, now.plusSeconds(600));
        assertEquals(Status.LOCKED, outcome.status());
        assertEquals(Duration.ofMinutes(50), outcome.retryAfter());
    }
}

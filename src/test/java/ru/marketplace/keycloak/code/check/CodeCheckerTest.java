package ru.marketplace.keycloak.code.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.code.limits.InMemoryLimitStore;
import ru.marketplace.keycloak.code.limits.CodeLimits;
import ru.marketplace.keycloak.code.issue.CodeIssuer;
import ru.marketplace.keycloak.code.issue.IssueOutcome;
import ru.marketplace.keycloak.code.CodeRules;
import ru.marketplace.keycloak.code.check.CheckOutcome.Status;

class CodeCheckerTest {

    private static final String EMAIL = "anna@shop.example";

    private final InMemoryLimitStore store = new InMemoryLimitStore();
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private CodeRules settings = CodeRules.of(java.util.Map.of());

    private CodeLimits limits() {
        return new CodeLimits(settings, store);
    }

    private IssueOutcome issue(String accountId, String address) {
        return new CodeIssuer(settings, limits(), new SecureRandom()).issue(address, accountId, accountId == null ? null : EMAIL, "ip-" + System.nanoTime(), null, now);
    }

    private CheckOutcome check(IssueOutcome issued, String typed, String currentEmail, Instant at) {
        return new CodeChecker(settings, limits()).check(issued.pending(), typed, currentEmail, at);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theRightCodeIsAcceptedOnceEvenWithSpacesAndFullWidthDigits() {
        IssueOutcome issued = issue("user-1", EMAIL);
        String spaced = issued.code().substring(0, 3) + " " + issued.code().substring(3);
        assertEquals(Status.ACCEPTED, check(issued, spaced, EMAIL, now).status());
        assertEquals(Status.ALREADY_USED, check(issued, issued.code(), EMAIL, now).status(), "replay is refused");
    }

    @Test
    void wrongCodesCountDownThenTheCodeIsDeadEvenForTheRightDigits() {
        IssueOutcome issued = issue("user-1", EMAIL);
        for (int remaining = 4; remaining >= 0; remaining--) {
            CheckOutcome outcome = check(issued, wrong(issued.code()), EMAIL, now);
            assertEquals(Status.WRONG, outcome.status());
            assertEquals(remaining, outcome.attemptsRemaining());
        }
        assertEquals(Status.EXHAUSTED, check(issued, issued.code(), EMAIL, now).status());
    }

    @Test
    void malformedEntriesAreNotCounted() {
        IssueOutcome issued = issue("user-1", EMAIL);
        for (int i = 0; i < 20; i++) {
            assertEquals(Status.MALFORMED, check(issued, "12345", EMAIL, now).status());
        }
        assertEquals(Status.ACCEPTED, check(issued, issued.code(), EMAIL, now).status());
    }

    @Test
    void expiredCodesAreRejectedByServerTime() {
        IssueOutcome issued = issue("user-1", EMAIL);
        assertEquals(Status.EXPIRED, check(issued, issued.code(), EMAIL, now.plusSeconds(600)).status());
    }

    @Test
    void aCodeIssuedBeforeTheAddressChangedNoLongerMatches() {
        IssueOutcome issued = issue("user-1", EMAIL);
        assertEquals(Status.WRONG, check(issued, issued.code(), "changed@shop.example", now).status());
        assertEquals(Status.WRONG, check(issued, issued.code(), null, now).status(), "deleted or disabled account");
    }

    @Test
    void aCodeForAnUnknownAddressIsNeverAcceptedAndCountsLikeAnyOther() throws Exception {
        CodeRules.of(Map.of());
        IssueOutcome phantom = issue(null, "nobody@shop.example");
        // the phantom's code is not handed out; brute-force every value it could have been
        int wrong = 0;
        for (int i = 0; i < 5; i++) {
            CheckOutcome outcome = check(phantom, String.format("%06d", i), null, now);
            assertEquals(Status.WRONG, outcome.status());
            assertEquals(4 - i, outcome.attemptsRemaining());
            wrong++;
        }
        assertEquals(5, wrong);
        assertEquals(Status.EXHAUSTED, check(phantom, "123456", null, now).status());
    }

    @Test
    void aNewCodeDoesNotResetTheAccountsHourlyWrongCodeCount() {
        settings = CodeRules.of(Map.of("maxWrongCodesPerAccountPerHour", "7", "resendCooldownSeconds", "0"));
        int evaluatedWrong = 0;
        int codesIssued = 0;
        IssueOutcome issued = issue("user-1", EMAIL);
        while (issued.issued()) {
            codesIssued++;
            for (int i = 0; i < 5; i++) {
                CheckOutcome outcome = check(issued, wrong(issued.code()), EMAIL, now);
                if (outcome.status() == Status.WRONG) {
                    evaluatedWrong++;
                } else {
                    assertEquals(Status.LOCKED, outcome.status());
                }
            }
            issued = issue("user-1", EMAIL);
        }
        assertEquals(7, evaluatedWrong);
        assertEquals(2, codesIssued, "5 wrong on the first code, 2 on the second, then locked");
        assertEquals(IssueOutcome.Status.LOCKED, issued.status(), "no new code past the hourly allowance");
    }

    @Test
    void revocationVoidsCodesIssuedUpToItButNotLaterOnes() {
        IssueOutcome before = issue("user-1", EMAIL);
        limits().revocations().revoke("user-1", now);
        assertEquals(Status.REVOKED, check(before, before.code(), EMAIL, now.plusSeconds(5)).status());

        settings = CodeRules.of(Map.of("resendCooldownSeconds", "0"));
        IssueOutcome after = new CodeIssuer(settings, limits(), new SecureRandom())
                .issue(EMAIL, "user-1", EMAIL, "ip", null, now.plusSeconds(1));
        assertEquals(Status.ACCEPTED, check(after, after.code(), EMAIL, now.plusSeconds(5)).status());

        IssueOutcome otherAccount = issue("user-2", EMAIL);
        assertEquals(Status.ACCEPTED, check(otherAccount, otherAccount.code(), EMAIL, now).status());
    }

    @Test
    void aCodeIssuedAMillisecondAfterARevocationStillWorks() {
        limits().revocations().revoke("user-1", now);
        IssueOutcome after = new CodeIssuer(settings, limits(), new SecureRandom())
                .issue(EMAIL, "user-1", EMAIL, "ip", null, now.plusMillis(1));
        assertEquals(Status.ACCEPTED, check(after, after.code(), EMAIL, now.plusMillis(2)).status());
    }

    @Test
    void parallelGuessesFromManySessionsNeverExceedTheAccountCap() throws Exception {
        settings = CodeRules.of(Map.of("maxCodesPerAccountPerHour", "100", "maxCodeRequestsPerIpPerHour", "10000"));
        List<IssueOutcome> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sessions.add(issue("user-1", EMAIL));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Status>> guesses = new ArrayList<>();
            for (IssueOutcome session : sessions) {
                for (int i = 0; i < 5; i++) {
                    guesses.add(() -> check(session, wrong(session.code()), EMAIL, now).status());
                }
            }
            int evaluated = 0;
            for (Future<Status> result : pool.invokeAll(guesses)) {
                evaluated += result.get() == Status.WRONG ? 1 : 0;
            }
            assertEquals(10, evaluated, "exactly the hourly cap of wrong codes was evaluated");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoRequestsRacingWithTheRightCodeSucceedOnce() throws Exception {
        IssueOutcome issued = issue("user-1", EMAIL);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Status>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(() -> check(issued, issued.code(), EMAIL, now).status());
            }
            int accepted = 0;
            for (Future<Status> result : pool.invokeAll(racers)) {
                accepted += result.get() == Status.ACCEPTED ? 1 : 0;
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdownNow();
        }
    }
}

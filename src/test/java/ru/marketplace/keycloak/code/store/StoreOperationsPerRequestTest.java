package ru.marketplace.keycloak.code.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.code.CodeRules;
import ru.marketplace.keycloak.code.limits.CodeLimits;
import ru.marketplace.keycloak.code.PendingCode;
import ru.marketplace.keycloak.code.issue.CodeIssuer;
import ru.marketplace.keycloak.code.issue.IssueOutcome;
import ru.marketplace.keycloak.code.CodeRules;
import ru.marketplace.keycloak.code.check.CheckOutcome;
import ru.marketplace.keycloak.code.check.CodeChecker;

/**
 * What one request of each kind costs in calls to Keycloak's single-use-object store, counted on a store that
 * behaves like Keycloak's, at small, default and the largest allowed limits: the same at every capacity, and at most
 * two calls per limit the request consults.
 */
class StoreOperationsPerRequestTest {

    private static final String EMAIL = "anna@shop.example";
    private static final String IP = "203.0.113.7";

    /** A request kind, the limits it consults, and how to bring it about on a fresh store. */
    private record Kind(String name, int limitsConsulted) {
    }

    private static final Kind CODE_REQUEST = new Kind("code request", 3);
    private static final Kind WRONG_CODE = new Kind("wrong code", 3);
    private static final Kind RIGHT_CODE = new Kind("right code", 4);
    private static final Kind OVER_IP_LIMIT = new Kind("code request over the per-IP limit", 2);
    private static final Kind REQUEST_WHILE_LOCKED = new Kind("code request while locked", 1);
    private static final Kind CODE_WHILE_LOCKED = new Kind("code entered while locked", 2);

    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void everyRequestKindCostsTheSameAtEveryCapacityAndAtMostTwoCallsPerLimit() {
        List<Integer> capacities = List.of(5, 30, 100);
        Map<Kind, Map<Integer, Integer>> calls = new LinkedHashMap<>();
        for (int capacity : capacities) {
            measure(capacity, capacity * 100, capacity, calls);
        }
        StringBuilder table = new StringBuilder("[store calls per request] limits at capacities " + capacities
                + " (per account) and " + capacities.stream().map(c -> c * 100).toList() + " (per IP)\n");
        calls.forEach((kind, byCapacity) -> table.append(String.format("  %-36s %s  (limits consulted: %d)%n",
                kind.name(), byCapacity.values(), kind.limitsConsulted())));
        System.out.print(table);
        calls.forEach((kind, byCapacity) -> {
            assertEquals(1, byCapacity.values().stream().distinct().count(), kind.name() + " costs the same at every capacity: " + byCapacity);
            int cost = byCapacity.values().iterator().next();
            assertTrue(cost <= 2 * kind.limitsConsulted(), kind.name() + ": " + cost + " calls for " + kind.limitsConsulted() + " limits");
        });
    }

    @Test
    void theLargestPerIpLimitCostsTheSameAsTheSmallest() {
        Map<Kind, Map<Integer, Integer>> calls = new LinkedHashMap<>();
        measure(5, 1, 1, calls);
        measure(5, 10_000, 10_000, calls);
        assertEquals(calls.get(CODE_REQUEST).get(1), calls.get(CODE_REQUEST).get(10_000), calls.toString());
        assertEquals(calls.get(OVER_IP_LIMIT).get(1), calls.get(OVER_IP_LIMIT).get(10_000), calls.toString());
        System.out.printf("[store calls per request] per-IP limit 1 and 10000: code request %s, over the limit %s%n",
                calls.get(CODE_REQUEST).values(), calls.get(OVER_IP_LIMIT).values());
    }

    /** Brings about each kind on a fresh store with the account limits at {@code perAccount} and the per-IP limit at {@code perIp}, recorded under {@code key}. */
    private void measure(int perAccount, int perIp, int key, Map<Kind, Map<Integer, Integer>> calls) {
        ru.marketplace.keycloak.settings.SettingsReader reader = new ru.marketplace.keycloak.settings.SettingsReader(Map.of(
                CodeRules.MAX_CODES_PER_HOUR.key(), Integer.toString(perAccount),
                CodeRules.MAX_FAILURES_PER_HOUR.key(), Integer.toString(perAccount),
                CodeRules.MAX_REQUESTS_PER_IP_PER_HOUR.key(), Integer.toString(perIp),
                CodeRules.RESEND_COOLDOWN_SECONDS.key(), "0"));
        CodeRules settings = CodeRules.read(reader);
        assertTrue(reader.problems().isEmpty(), reader.problems().toString());
        InfinispanLikeSingleUseObjects cache = new InfinispanLikeSingleUseObjects();

        // the kinds measured, each on a state where it happens
        int codeRequest = count(cache, settings, limits -> issue(settings, limits, "fresh", IP));
        IssueOutcome pending = request(cache, settings, limits -> issue(settings, limits, "fresh-2", "10.0.2.1"));
        int wrongCode = count(cache, settings, limits -> check(settings, limits, pending.pending(), wrong(pending)));
        IssueOutcome rightOne = request(cache, settings, limits -> issue(settings, limits, "fresh-3", "10.0.2.2"));
        int rightCode = count(cache, settings, limits -> checkRight(settings, limits, rightOne));

        for (int i = 0; i < perIp; i++) {
            String account = "nat-" + i;
            request(cache, settings, limits -> issue(settings, limits, account, "198.51.100.1"));
        }
        int overIpLimit = count(cache, settings, limits -> issue(settings, limits, "nat-extra", "198.51.100.1"));

        // the account's hourly wrong codes used up, over as many codes as that takes
        IssueOutcome code = null;
        PendingCode current = null;
        for (int wrongCodes = 0; wrongCodes < perAccount; wrongCodes++) {
            if (wrongCodes % (settings.maxAttemptsPerCode() - 1) == 0) { // every code keeps an attempt
                String ip = "10.0.3." + wrongCodes;
                code = request(cache, settings, limits -> issue(settings, limits, "locked", ip));
                current = code.pending();
            }
            IssueOutcome guessedCode = code;
            PendingCode guessed = current;
            CheckOutcome outcome = request(cache, settings, limits -> check(settings, limits, guessed, wrong(guessedCode)));
            assertEquals(CheckOutcome.Status.WRONG, outcome.status());
            current = current.withAttemptsUsed(outcome.attemptsUsed());
        }
        IssueOutcome lockedCode = code;
        PendingCode lockedPending = current;
        int requestWhileLocked = count(cache, settings, limits -> issue(settings, limits, "locked", "10.0.4.9"));
        int codeWhileLocked = count(cache, settings, limits -> check(settings, limits, lockedPending, wrong(lockedCode)));
        assertEquals(CheckOutcome.Status.LOCKED, request(cache, settings, limits -> check(settings, limits, lockedPending, lockedCode.code())).status(),
                "past the account's wrong codes, even the right one is refused");

        record(calls, CODE_REQUEST, key, codeRequest);
        record(calls, WRONG_CODE, key, wrongCode);
        record(calls, RIGHT_CODE, key, rightCode);
        record(calls, OVER_IP_LIMIT, key, overIpLimit);
        record(calls, REQUEST_WHILE_LOCKED, key, requestWhileLocked);
        record(calls, CODE_WHILE_LOCKED, key, codeWhileLocked);
    }

    private static void record(Map<Kind, Map<Integer, Integer>> calls, Kind kind, int key, int count) {
        calls.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(key, count);
    }

    private <T> T request(InfinispanLikeSingleUseObjects cache, CodeRules settings, Function<CodeLimits, T> work) {
        InfinispanLikeSingleUseObjects.Request request = cache.begin();
        T result = work.apply(new CodeLimits(settings, request.limitStore()));
        request.commit();
        return result;
    }

    private int count(InfinispanLikeSingleUseObjects cache, CodeRules settings, Function<CodeLimits, ?> work) {
        InfinispanLikeSingleUseObjects.Request request = cache.begin();
        work.apply(new CodeLimits(settings, request.limitStore()));
        request.commit();
        return request.calls();
    }

    private IssueOutcome issue(CodeRules settings, CodeLimits limits, String account, String ip) {
        return new CodeIssuer(settings, limits, new SecureRandom()).issue(EMAIL, account, EMAIL, ip, null, now);
    }

    private CheckOutcome check(CodeRules settings, CodeLimits limits, PendingCode pending, String typed) {
        return new CodeChecker(settings, limits).check(pending, typed, EMAIL, now);
    }

    private CheckOutcome checkRight(CodeRules settings, CodeLimits limits, IssueOutcome issued) {
        CheckOutcome outcome = check(settings, limits, issued.pending(), issued.code());
        assertEquals(CheckOutcome.Status.ACCEPTED, outcome.status());
        return outcome;
    }

    private static String wrong(IssueOutcome issued) {
        return "000000".equals(issued.code()) ? "111111" : "000000";
    }
}

package ru.marketplace.keycloak.reset.benchmark;

import java.nio.file.Path;
import ru.marketplace.keycloak.reset.policy.breach.BreachCheck;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilter;

/**
 * Counts how many of a million passwords that are not on the list a filter file takes for listed ones, and checks
 * that a sample of listed ones is found. A count, not a timing: the unit test does the same on a 1-million-entry
 * filter; this runs it on the 100-million-entry file:
 * {@code java -cp target/classes:target/test-classes ru.marketplace.keycloak.reset.benchmark.BreachFalsePositives
 * target/synthetic-100m.bin 100000000}
 */
public final class BreachFalsePositives {

    private static final int UNLISTED = 1_000_000;

    private BreachFalsePositives() {
    }

    public static void main(String[] args) {
        BreachFilter filter = BreachFilter.open(Path.of(args[0]));
        long entries = Long.parseLong(args[1]);
        BreachCheck check = new BreachCheck(filter, null, false);
        long falsePositives = 0;
        for (int i = 0; i < UNLISTED; i++) {
            if (check.listedOffline(SyntheticPwnedList.unlistedPassword(i))) {
                falsePositives++;
            }
        }
        long missed = 0;
        for (long i = 0; i < entries; i += entries / 100_000) {
            if (!check.listedOffline(SyntheticPwnedList.listedPassword(i))) {
                missed++;
            }
        }
        System.out.printf("%s: %d false positives in %,d unlisted passwords (%.2e, stated %.2e); %d of 100,000 listed "
                + "passwords missed%n", filter, falsePositives, UNLISTED, falsePositives / (double) UNLISTED,
                filter.falsePositiveRate(), missed);
    }
}

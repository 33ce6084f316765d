package ru.marketplace.keycloak.reset.benchmark.load;

import ru.marketplace.keycloak.harness.Shopper;

/** One shopper's way through a flow, each step timed; throws when the shopper does not get where expected. */
@FunctionalInterface
interface Walk {

    void walk(Shopper shopper, BenchAccount account, StepTimings clock);
}

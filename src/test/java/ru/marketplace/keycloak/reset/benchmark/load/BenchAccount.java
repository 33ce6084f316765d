package ru.marketplace.keycloak.reset.benchmark.load;

/** A shopper for one walk: the address typed, the current password (if the walk signs in) and the client IP. */
record BenchAccount(String email, String password, String ip) {
}

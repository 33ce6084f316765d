/**
 * The e-mail-code engine both flows use (the password reset and the address verification). Plain logic: the code,
 * its generator, the digest a pending code is stored under, and {@code CodeRules}, the narrow set of settings the
 * engine reads. Its sub-packages: {@code issue} (may a code be sent), {@code check} (what a typed code gets),
 * {@code limits} (the cluster-wide counters, plain arithmetic over a store) and {@code store} (the one adapter to
 * Keycloak's single-use-object store).
 */
package ru.marketplace.keycloak.code;

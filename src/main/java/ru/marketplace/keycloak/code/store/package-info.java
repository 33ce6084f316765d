/**
 * Keycloak adapter: the limits' {@code LimitStore} over Keycloak's cluster-wide single-use-object store.
 */
package ru.marketplace.keycloak.code.store;

/**
 * Plain logic: the breached-password filters (format, lookup, building the shipped list).
 */
package ru.marketplace.keycloak.reset.policy.breach;

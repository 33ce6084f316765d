/**
 * Plain logic: what a typed code gets (accepted, wrong, expired, exhausted, locked, revoked).
 */
package ru.marketplace.keycloak.code.check;

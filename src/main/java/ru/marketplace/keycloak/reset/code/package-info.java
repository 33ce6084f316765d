/**
 * Plain logic: the six-digit code, its generator and the digest under which a pending code is stored.
 */
package ru.marketplace.keycloak.reset.code;

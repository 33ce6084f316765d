/**
 * Plain logic: what a code request gets (a code, a cooldown, a refusal), from the settings and the limits.
 */
package ru.marketplace.keycloak.reset.request;

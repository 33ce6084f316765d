/**
 * Plain logic: what a code request gets (a code, a cooldown, a refusal), from the rules and the limits, the same
 * work whether or not the address has an account.
 */
package ru.marketplace.keycloak.code.issue;

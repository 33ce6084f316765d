/**
 * The marketplace password policy and the breached-password policy. Mixed: the rules, the guessability check and
 * the refusal texts are plain logic; the two {@code PasswordPolicyProvider}s and their factories are the adapters.
 */
package ru.marketplace.keycloak.reset.policy;

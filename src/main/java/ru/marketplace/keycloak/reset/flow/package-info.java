/**
 * Keycloak adapter: the reset-credentials authenticator (e-mail, then code), its screens, its state in the
 * authentication session, which accounts may get a code ({@code AccountEligibility}), its settings as read per request
 * ({@code ResetStepSettings}), simultaneous posts of one form, and the page a passed step continues through. The
 * decisions it applies live in plain packages: the shared engine ({@code code.issue}, {@code code.check},
 * {@code code.limits}), {@code events}, {@code reset.request} and {@code reset.settings}.
 */
package ru.marketplace.keycloak.reset.flow;

/**
 * Keycloak adapter: the reset-credentials authenticator (e-mail, then code), its screens, its state in the
 * authentication session, simultaneous posts of one form, and the page a passed step continues through. The
 * decisions it applies live in plain packages ({@code request}, {@code verify}, {@code limits}, {@code settings}).
 */
package ru.marketplace.keycloak.reset.flow;

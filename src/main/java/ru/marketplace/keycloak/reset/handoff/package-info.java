/**
 * Keycloak adapter, and the one contract between the code step, the new-password step and the reset mailer: the
 * authentication-session notes the code step leaves. Depends on no other package of the extension.
 */
package ru.marketplace.keycloak.reset.handoff;

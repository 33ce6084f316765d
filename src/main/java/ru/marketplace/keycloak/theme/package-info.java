/**
 * Keycloak adapter: the realm's theme messages (bundles and realm overrides) for every flow's screens and mails.
 */
package ru.marketplace.keycloak.theme;

/**
 * Keycloak adapter: what the extension's provider factories share. Knows nothing of the flows.
 */
package ru.marketplace.keycloak.spi;

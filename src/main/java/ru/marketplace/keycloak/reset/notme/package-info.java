/**
 * Keycloak adapter: «Это были не вы?», the signed link in the code mail that cancels the code, and its endpoint.
 */
package ru.marketplace.keycloak.reset.notme;

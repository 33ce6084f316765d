/**
 * Keycloak adapter: a step's options as admin-console fields, shared by every flow.
 */
package ru.marketplace.keycloak.console;

/**
 * Plain logic: the reset step's settings as the admin console stores them, read with bounds and defaults.
 */
package ru.marketplace.keycloak.reset.settings;

/**
 * Plain logic: an option as the admin console shows it (key, label, help, default, bounds), shared by every step's
 * settings.
 */
package ru.marketplace.keycloak.settings;

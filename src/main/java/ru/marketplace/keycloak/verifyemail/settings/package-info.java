/**
 * Plain logic: the address verification's settings (the code engine's rules and its own options) and where it keeps
 * its state.
 */
package ru.marketplace.keycloak.verifyemail.settings;

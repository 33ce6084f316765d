/**
 * Plain logic: what the shopper typed into «Восстановление пароля» (an address, a phone number, nothing usable).
 */
package ru.marketplace.keycloak.reset.request;

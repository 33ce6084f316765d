/**
 * Keycloak adapter: the reset's two mails (the code, «Ваш пароль изменён») handed to the delivery queue of
 * {@code ru.marketplace.keycloak.mail}, with the checks that decide whether a waiting code mail is still wanted and
 * the events that record what became of it.
 */
package ru.marketplace.keycloak.reset.mail;

/**
 * Plain logic: which webmail opens the shopper's mailbox, from the address's domain.
 */
package ru.marketplace.keycloak.mailbox;

/**
 * Plain logic: plural categories (Russian and English) and the brand name in the shopper's language.
 */
package ru.marketplace.keycloak.i18n;

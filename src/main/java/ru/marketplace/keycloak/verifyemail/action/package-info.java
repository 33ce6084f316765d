/**
 * Keycloak adapter: the required action «Подтвердите адрес почты» (a six-digit code instead of Keycloak's link), its
 * factory with the console's settings, its screens and its mails. The decisions are the code engine's
 * ({@code ru.marketplace.keycloak.code}).
 */
package ru.marketplace.keycloak.verifyemail.action;

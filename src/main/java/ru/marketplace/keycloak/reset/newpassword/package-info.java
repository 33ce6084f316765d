/**
 * Keycloak adapter: the required action «Придумайте новый пароль» after an accepted code, with the password rules
 * shown beside the field.
 */
package ru.marketplace.keycloak.reset.newpassword;

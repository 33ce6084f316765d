/**
 * The cluster-wide limits: attempts per code, codes and wrong codes per account, requests per IP, cooldown, code
 * revocations. Plain logic over a {@code LimitStore}; {@code SingleUseObjectLimitStore} is the adapter to
 * Keycloak's single-use-object store (SECURITY.md, "What a limit costs").
 */
package ru.marketplace.keycloak.reset.limits;

/**
 * Plain logic: the cluster-wide limits (attempts per code, codes and wrong codes per account, requests per IP, code
 * revocations) over a {@code LimitStore}, each flow in its own key namespace. {@code code.store} adapts the store to
 * Keycloak (SECURITY.md, "What a limit costs").
 */
package ru.marketplace.keycloak.code.limits;

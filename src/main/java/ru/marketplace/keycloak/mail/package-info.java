/**
 * Mail delivery for any flow that mails a code: a bounded queue per node, retries of temporary SMTP failures while
 * the mail is still wanted, drops with their reasons, kept-open SMTP connections, Micrometer meters. Mixed: the
 * queue, its backoff, the failure classes and the connection pool are plain logic (unit-tested without a server);
 * {@code KeycloakMailJob}, {@code PooledSmtpSender}, {@code TemplatedMail} and the SPI are the Keycloak adapters.
 * Knows nothing of the reset ({@code ArchitectureTest}).
 */
package ru.marketplace.keycloak.mail;

/**
 * Plain logic: the {@code reason} detail of every event the flows record, and the Keycloak {@code error} it goes
 * with, in one list that README → Events mirrors (EventReasonTest checks both).
 */
package ru.marketplace.keycloak.events;

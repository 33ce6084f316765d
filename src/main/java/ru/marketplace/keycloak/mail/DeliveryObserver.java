package ru.marketplace.keycloak.mail;

import java.time.Duration;

/** What the {@link DeliveryQueue} reports: metrics and log lines, never business decisions. */
public interface DeliveryObserver {

    void accepted(String kind);

    void attempted(String kind, int attempt, SmtpFailure failure);

    void retryScheduled(String kind, int nextAttempt, Duration wait);

    void delivered(String kind, int attempts, Duration sinceRequest);

    void dropped(String kind, Drop reason, String detail, int attempts);

    DeliveryObserver NONE = new DeliveryObserver() {
        @Override public void accepted(String kind) { }
        @Override public void attempted(String kind, int attempt, SmtpFailure failure) { }
        @Override public void retryScheduled(String kind, int nextAttempt, Duration wait) { }
        @Override public void delivered(String kind, int attempts, Duration sinceRequest) { }
        @Override public void dropped(String kind, Drop reason, String detail, int attempts) { }
    };
}

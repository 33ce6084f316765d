package ru.marketplace.keycloak.reset.policy.breach;

/**
 * Whether a password is known from data breaches: the offline filter of this node, then, if configured, the range
 * API. Plain logic; the policy providers decide when to ask which (offline is a microsecond, online a network trip).
 * Thread-safe.
 */
public final class BreachCheck {

    /** What the online check concluded. */
    public enum Verdict {
        NOT_LISTED,
        LISTED,
        /** The range API did not answer in time and the settings say to refuse then. */
        UNVERIFIED
    }

    private final BreachFilter offline;
    private final PwnedRangeClient online;
    private final boolean refuseWithoutAnswer;

    /**
     * @param online              the range API client, or {@code null} when the online check is off
     * @param refuseWithoutAnswer whether no answer from the range API refuses the password
     */
    public BreachCheck(BreachFilter offline, PwnedRangeClient online, boolean refuseWithoutAnswer) {
        this.offline = offline;
        this.online = online;
        this.refuseWithoutAnswer = refuseWithoutAnswer;
    }

    /** Whether the offline filter lists the password in any of its {@link PasswordKeys#forms forms}. */
    public boolean listedOffline(String password) {
        for (String form : PasswordKeys.forms(password)) {
            if (offline.mightContain(PasswordKeys.ofPassword(form))) {
                return true;
            }
        }
        return false;
    }

    /** The range API's verdict; {@link Verdict#NOT_LISTED} when the online check is off. */
    public Verdict checkOnline(String password) {
        if (online == null) {
            return Verdict.NOT_LISTED;
        }
        return switch (online.lookup(password)) {
            case LISTED -> Verdict.LISTED;
            case NOT_LISTED -> Verdict.NOT_LISTED;
            case NO_ANSWER -> refuseWithoutAnswer ? Verdict.UNVERIFIED : Verdict.NOT_LISTED;
        };
    }

    /** Both checks: offline first, the network only for a password the filter does not list. */
    public Verdict check(String password) {
        return listedOffline(password) ? Verdict.LISTED : checkOnline(password);
    }
}

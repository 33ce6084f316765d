package ru.marketplace.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import ru.marketplace.keycloak.harness.Pkce;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storefront's server-side sessions, one per browser, found by an opaque random cookie. They hold the logins in
 * progress and, once signed in, the ID token and its claims; nothing of it goes to the browser. In memory: the
 * demo's sessions end with the demo.
 */
public final class BrowserSessions {

    public static final String COOKIE = "storefront_session";
    /** A login not finished within this time is forgotten (Keycloak's own login page lives 30 minutes). */
    static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(30);
    /** Several tabs may start logins at once; more than this in one browser is abandoned attempts. */
    private static final int MAX_PENDING_LOGINS = 5;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** The session named by the request's cookie, if the storefront knows it. */
    public Optional<Session> find(WebRequest request) {
        return request.cookie(COOKIE).map(sessions::get);
    }

    /** The request's session, or a new one (then {@link Session#isNew()} says a cookie must be set). */
    public Session findOrCreate(WebRequest request) {
        return find(request).orElseGet(() -> {
            Session session = new Session(Pkce.randomToken(), true);
            sessions.put(session.id(), session);
            return session;
        });
    }

    /** {@code Set-Cookie} value for a session: not readable by scripts, not sent along cross-site requests. */
    public static String cookieFor(Session session) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax";
    }

    /** One browser's state. */
    public static final class Session {
        private final String id;
        private final boolean isNew;
        private final Deque<PendingLogin> pending = new ArrayDeque<>();
        private SignedIn signedIn;

        private Session(String id, boolean isNew) {
            this.id = id;
            this.isNew = isNew;
        }

        public String id() {
            return id;
        }

        public boolean isNew() {
            return isNew;
        }

        public synchronized void addPendingLogin(PendingLogin login) {
            pending.addLast(login);
            while (pending.size() > MAX_PENDING_LOGINS) {
                pending.removeFirst();
            }
        }

        /** Removes and returns the pending login with this state: a state is good for one callback only. */
        public synchronized Optional<PendingLogin> takePendingLogin(String state, Instant now) {
            pending.removeIf(login -> login.startedAt().plus(LOGIN_TIMEOUT).isBefore(now));
            for (PendingLogin login : pending) {
                if (login.state().equals(state)) {
                    pending.remove(login);
                    return Optional.of(login);
                }
            }
            return Optional.empty();
        }

        public synchronized void signIn(String idToken, JsonNode claims) {
            signedIn = new SignedIn(idToken, claims);
        }

        public synchronized Optional<SignedIn> signedIn() {
            return Optional.ofNullable(signedIn);
        }

        /** Forgets the sign-in and returns what it was (its ID token is the hint for Keycloak's logout). */
        public synchronized Optional<SignedIn> signOut() {
            Optional<SignedIn> previous = Optional.ofNullable(signedIn);
            signedIn = null;
            return previous;
        }
    }

    /** A finished login: the raw ID token (for the logout hint) and its checked claims. */
    public record SignedIn(String idToken, JsonNode claims) {
    }
}

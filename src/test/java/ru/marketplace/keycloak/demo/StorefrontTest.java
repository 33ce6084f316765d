package ru.marketplace.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.harness.Pkce;
import ru.marketplace.keycloak.harness.Urls;

/** The storefront's routes without a Keycloak: what they answer before and around the code exchange. */
class StorefrontTest {

    private static final String REALM = "http://localhost:8080/realms/marketplace";

    private final Storefront storefront = new Storefront(oidc(), "http://localhost:3000",
            Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC),
            new DemoHint("anna@pokupatel.example", "Vesna-2025-OK", "http://localhost:8025"));

    @Test
    void aVisitorSeesWoitiAndTheDemoHint() {
        WebReply home = storefront.apply(WebRequest.get("/", Map.of()));
        assertEquals(200, home.status());
        var html = Jsoup.parse(home.html());
        assertEquals("Войти", html.selectFirst("a#login").text());
        assertEquals("/login", html.selectFirst("a#login").attr("href"));
        assertTrue(html.selectFirst("#hint").text().contains("anna@pokupatel.example"));
        assertEquals("http://localhost:8025", html.selectFirst("#hint a").attr("href"));
    }

    @Test
    void woitiStartsACodeFlowWithPkceAndASessionCookie() {
        WebReply reply = storefront.apply(WebRequest.get("/login", Map.of()));

        assertEquals(302, reply.status());
        String cookie = reply.header("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.startsWith(BrowserSessions.COOKIE + "=") && cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax"), cookie);
        URI location = URI.create(reply.header("Location"));
        assertEquals(REALM + "/protocol/openid-connect/auth", Urls.withoutQuery(location));
        Map<String, String> params = Urls.queryParams(location);
        assertEquals("storefront", params.get("client_id"));
        assertEquals("http://localhost:3000/callback", params.get("redirect_uri"));
        assertEquals("code", params.get("response_type"));
        assertEquals("S256", params.get("code_challenge_method"));
        assertEquals(43, params.get("code_challenge").length());
        assertTrue(params.get("scope").contains("openid"));
        assertFalse(params.get("state").isBlank());
        assertFalse(params.get("nonce").isBlank());
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() {
        String session = sessionCookie(storefront.apply(WebRequest.get("/login", Map.of())));
        WebReply forged = storefront.apply(WebRequest.get("/callback", Map.of("state", Pkce.randomToken(), "code", "c"))
                .withCookie(BrowserSessions.COOKIE, session));
        assertEquals(400, forged.status());
        assertTrue(Jsoup.parse(forged.html()).selectFirst("#error").text().contains("state не совпадает"));
    }

    @Test
    void aStateIsGoodForOneCallbackOnly() {
        WebReply login = storefront.apply(WebRequest.get("/login", Map.of()));
        String session = sessionCookie(login);
        String state = Urls.queryParams(URI.create(login.header("Location"))).get("state");
        WebRequest withoutCode = WebRequest.get("/callback", Map.of("state", state))
                .withCookie(BrowserSessions.COOKIE, session);
        assertTrue(storefront.apply(withoutCode).html().contains("без кода"));
        assertTrue(storefront.apply(withoutCode).html().contains("state не совпадает"), "the state was used up");
    }

    @Test
    void aCallbackWithoutTheCookieOrWithAnErrorExplainsItself() {
        WebReply noCookie = storefront.apply(WebRequest.get("/callback", Map.of("state", "s", "code", "c")));
        assertEquals(400, noCookie.status());
        assertTrue(noCookie.html().contains("cookie"));
        WebReply denied = storefront.apply(WebRequest.get("/callback",
                Map.of("error", "access_denied", "error_description", "<b>нет</b>")));
        assertTrue(denied.html().contains("access_denied — &lt;b&gt;нет&lt;/b&gt;"), denied.html());
    }

    @Test
    void logoutWithoutASignInGoesHomeAndUnknownPathsAre404() {
        WebReply logout = storefront.apply(new WebRequest("POST", "/logout", Map.of(), Map.of(), Map.of()));
        assertEquals(303, logout.status());
        assertEquals("/", logout.header("Location"));
        assertEquals(405, storefront.apply(WebRequest.get("/logout", Map.of())).status(), "logout is a POST");
        assertEquals(404, storefront.apply(WebRequest.get("/admin", Map.of())).status());
    }

    @Test
    void theAppsLoginCanBeStartedAndItsRedirectLandsOnAPageOfTheStorefront() {
        Storefront withApp = new Storefront(oidc(), oidc("storefront-mobile", "http://localhost:3000" + Storefront.APP_CALLBACK),
                "http://localhost:3000", Clock.systemUTC(), null);
        var home = Jsoup.parse(withApp.apply(WebRequest.get("/", Map.of())).html());
        assertEquals("/app/login", home.selectFirst("a#app-login").attr("href"));

        Map<String, String> params = Urls.queryParams(URI.create(withApp.apply(WebRequest.get("/app/login", Map.of())).header("Location")));
        assertEquals("storefront-mobile", params.get("client_id"));
        assertEquals("http://localhost:3000/app/callback", params.get("redirect_uri"));
        assertEquals("S256", params.get("code_challenge_method"));

        assertTrue(withApp.apply(WebRequest.get("/app/callback", Map.of("state", "s", "code", "c"))).html().contains("cookie"),
                "the app's callback checks the state like the storefront's");
        assertNull(Jsoup.parse(storefront.apply(WebRequest.get("/", Map.of())).html()).selectFirst("a#app-login"), "no app: no link");
        assertEquals(404, storefront.apply(WebRequest.get("/app/login", Map.of())).status());
    }

    @Test
    void theHintNeverNamesAPasswordThatStoppedWorking() {
        java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
        DemoHint hint = new DemoHint("anna@pokupatel.example", "Vesna-2025-OK", "http://localhost:8025", changed::get);
        assertTrue(hint.html().contains("пароль <b>Vesna-2025-OK</b>"), hint.html());
        changed.set(true);
        assertFalse(hint.html().contains("пароль <b>Vesna-2025-OK</b>"), hint.html());
        assertTrue(hint.html().contains("Пароль уже сменён"), hint.html());
    }

    @Test
    void timeClaimsAreShownInTheStorefrontsZoneWithTheZone() {
        Storefront moscow = new Storefront(oidc(), "http://localhost:3000",
                Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), java.time.ZoneId.of("Europe/Moscow")), null);
        assertEquals("1800000000 — 15 января 2027, 11:00 (Москва, GMT+3)", moscow.claimText("auth_time", new ObjectMapper().valueToTree(1_800_000_000L)));
    }

    @Test
    void theGreetingUsesTheGivenNameThenTheFullNameThenTheUsername() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("Анна", Storefront.displayName(json.readTree("{\"given_name\":\"Анна\",\"name\":\"Анна П.\"}")));
        assertEquals("Анна П.", Storefront.displayName(json.readTree("{\"name\":\"Анна П.\"}")));
        assertEquals("anna", Storefront.displayName(json.readTree("{\"preferred_username\":\"anna\"}")));
    }

    private static String sessionCookie(WebReply reply) {
        String header = reply.header("Set-Cookie");
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    private static OidcClient oidc() {
        return oidc("storefront", "http://localhost:3000/callback");
    }

    private static OidcClient oidc(String clientId, String redirectUri) {
        var discovery = new ObjectMapper().createObjectNode()
                .put("issuer", REALM)
                .put("authorization_endpoint", REALM + "/protocol/openid-connect/auth")
                .put("token_endpoint", REALM + "/protocol/openid-connect/token")
                .put("end_session_endpoint", REALM + "/protocol/openid-connect/logout");
        return OidcClient.fromDiscovery(discovery, clientId, redirectUri);
    }
}

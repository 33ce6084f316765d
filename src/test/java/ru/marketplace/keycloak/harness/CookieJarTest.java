package ru.marketplace.keycloak.harness;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cookie rules the Shopper relies on, as Keycloak exercises them. */
class CookieJarTest {

    private static final URI LOGIN = URI.create("http://127.0.0.1:8080/realms/shop/protocol/openid-connect/auth");

    @Test
    void sendsSecureCookiesOverHttpToLoopbackOnly() {
        CookieJar jar = new CookieJar();
        jar.store(LOGIN, List.of("AUTH_SESSION_ID=abc;Version=1;Path=/realms/shop/;Secure;HttpOnly;SameSite=None"));
        jar.store(URI.create("http://shop.example/realms/shop/"), List.of("OTHER=1; Path=/; Secure"));

        assertEquals(Optional.of("AUTH_SESSION_ID=abc"),
                jar.headerFor(URI.create("http://127.0.0.1:8080/realms/shop/login-actions/authenticate")));
        assertEquals(Optional.empty(), jar.headerFor(URI.create("http://shop.example/realms/shop/")));
    }

    @Test
    void keepsQuotedValuesVerbatimAndHonoursPath() {
        CookieJar jar = new CookieJar();
        jar.store(LOGIN, List.of("KC_AUTH_SESSION_HASH=\"Kl+O/x==\";Version=1;Path=/realms/shop/;Max-Age=60;Secure"));

        assertEquals(Optional.of("KC_AUTH_SESSION_HASH=\"Kl+O/x==\""),
                jar.headerFor(URI.create("http://127.0.0.1:8080/realms/shop/account")));
        assertEquals(Optional.empty(), jar.headerFor(URI.create("http://127.0.0.1:8080/realms/shopping/")));
        assertEquals(Optional.empty(), jar.headerFor(URI.create("http://127.0.0.1:8080/admin/")));
    }

    @Test
    void maxAgeZeroOrPastExpiryDeletes() {
        CookieJar jar = new CookieJar();
        jar.store(LOGIN, List.of("KC_RESTART=x; Path=/realms/shop/", "KEYCLOAK_IDENTITY=y; Path=/realms/shop/"));
        jar.store(LOGIN, List.of("KC_RESTART=; Version=1; Max-Age=0; Path=/realms/shop/",
                "KEYCLOAK_IDENTITY=; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=/realms/shop/"));

        assertEquals(List.of(), jar.all());
    }

    @Test
    void sameNameOnDifferentPathsAreDifferentCookiesLongestPathFirst() {
        CookieJar jar = new CookieJar();
        jar.store(LOGIN, List.of("A=root; Path=/", "A=realm; Path=/realms/shop/"));

        assertEquals(Optional.of("A=realm; A=root"), jar.headerFor(URI.create("http://127.0.0.1:8080/realms/shop/x")));
    }

    @Test
    void defaultPathIsTheDirectoryOfTheRequest() {
        CookieJar jar = new CookieJar();
        jar.store(LOGIN, List.of("D=1"));

        assertEquals("/realms/shop/protocol/openid-connect", jar.all().get(0).path());
    }
}

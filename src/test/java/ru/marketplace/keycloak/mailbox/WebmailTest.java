package ru.marketplace.keycloak.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebmailTest {

    @ParameterizedTest
    @CsvSource({
            "anna@yandex.ru, YANDEX", "anna@ya.ru, YANDEX", "anna@narod.ru, YANDEX",
            "boris@mail.ru, MAIL_RU", "boris@inbox.ru, MAIL_RU", "boris@list.ru, MAIL_RU", "boris@bk.ru, MAIL_RU",
            "vera@gmail.com, GMAIL", "vera@googlemail.com, GMAIL",
            "gleb@outlook.com, OUTLOOK", "gleb@hotmail.com, OUTLOOK", "gleb@live.com, OUTLOOK",
            "dina@rambler.ru, RAMBLER", "egor@icloud.com, ICLOUD", "fedor@yahoo.com, YAHOO", "kira@proton.me, PROTON"})
    void recognisesConsumerDomains(String address, Webmail expected) {
        assertEquals(Optional.of(expected), Webmail.forAddress(address));
    }

    @Test
    void domainsAreReadAsMailServersReadThem() {
        // letter case never matters in a domain; a fully-qualified one may end with a dot; the field may keep spaces
        assertEquals(Optional.of(Webmail.YANDEX), Webmail.forAddress("Anna@YANDEX.RU"));
        assertEquals(Optional.of(Webmail.GMAIL), Webmail.forAddress("vera@gmail.com."));
        assertEquals(Optional.of(Webmail.MAIL_RU), Webmail.forAddress("  boris@mail.ru "));
        // the domain is what follows the last @ (a quoted local part may contain one)
        assertEquals(Optional.of(Webmail.GMAIL), Webmail.forAddress("\"a@b\"@gmail.com"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"anna", "anna@", "@yandex.ru", "anna@company.ru", "anna@mail.yandex.ru", "anna@gmail.com.evil.example",
            "anna@notgmail.com", "+7 999 123-45-67"})
    void anythingElseGetsNoButton(String address) {
        assertEquals(Optional.empty(), Webmail.forAddress(address));
    }

    @Test
    void everyServiceOpensItsOwnSiteOverHttps() {
        for (Webmail webmail : Webmail.values()) {
            URI link = URI.create(webmail.linkFor("anna@example.com", "no-reply@marketplace.example"));
            assertEquals("https", link.getScheme(), webmail.name());
            assertFalse(link.getHost().isBlank(), webmail.name());
        }
    }

    @Test
    void idsAreUniqueAndUsableInMessageKeys() {
        assertEquals(Webmail.values().length,
                java.util.Arrays.stream(Webmail.values()).map(Webmail::id).distinct().count());
        for (Webmail webmail : Webmail.values()) {
            assertTrue(webmail.id().matches("[a-z]+"), webmail.id());
        }
    }

    @Test
    void gmailOpensTheRightAccountAndSearchesEveryFolderForTheSender() {
        String link = Webmail.GMAIL.linkFor("Vera.Petrova+shop@gmail.com", "no-reply@marketplace.example");
        assertEquals("https://mail.google.com/mail/u/?authuser=vera.petrova%2Bshop%40gmail.com"
                + "#search/from%3Ano-reply%40marketplace.example%20in%3Aanywhere", link);
        URI parsed = URI.create(link);
        assertEquals("from:no-reply@marketplace.example in:anywhere", parsed.getFragment().substring("search/".length()));
    }

    @Test
    void gmailWithoutASenderOnlyOpensTheAccount() {
        assertEquals("https://mail.google.com/mail/u/?authuser=vera%40gmail.com", Webmail.GMAIL.linkFor("vera@gmail.com", ""));
        assertEquals("https://mail.google.com/mail/u/?authuser=vera%40gmail.com", Webmail.GMAIL.linkFor("vera@gmail.com", null));
    }

    @Test
    void otherServicesOpenTheInboxAndCarryNothingOfTheShopper() {
        String link = Webmail.YANDEX.linkFor("anna@yandex.ru", "no-reply@marketplace.example");
        assertEquals("https://mail.yandex.ru/", link);
        assertFalse(Webmail.MAIL_RU.linkFor("boris@mail.ru", "x@y.z").contains("boris"));
    }

    @Test
    void everyDomainIsWrittenAsItIsLookedUp() {
        // the table is built once at class load, where a domain listed twice would already fail
        for (String domain : Webmail.byDomain().keySet()) {
            assertEquals(domain.toLowerCase(java.util.Locale.ROOT).strip(), domain);
            assertTrue(domain.contains(".") && !domain.endsWith("."), domain);
        }
    }
}

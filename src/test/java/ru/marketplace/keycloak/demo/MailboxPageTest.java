package ru.marketplace.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.harness.ReceivedMail;

class MailboxPageTest {

    private final List<ReceivedMail> mails = new ArrayList<>();
    private final MailboxPage page = new MailboxPage(() -> List.copyOf(mails), ZoneId.of("Europe/Moscow"));

    @Test
    void anEmptyMailboxSaysWhatToDo() {
        Document html = Jsoup.parse(page.apply(WebRequest.get("/", Map.of())).html());
        assertTrue(html.selectFirst("#empty").text().contains("«Забыли пароль?»"));
        assertEquals(String.valueOf(MailboxPage.REFRESH_SECONDS),
                html.selectFirst("meta[http-equiv=refresh]").attr("content"), "it refreshes itself");
    }

    @Test
    void mailsAreListedNewestFirstWithTheCodeShownLarge() {
        mails.add(mail("Код для восстановления пароля", "Ваш код:\n\n012345\n\nКод действует 10 минут.", 100));
        mails.add(mail("Ваш пароль изменён", "Пароль изменён 25.11.2026.", 200));

        Document html = Jsoup.parse(page.apply(WebRequest.get("/", Map.of())).html());

        assertEquals(List.of("Ваш пароль изменён", "Код для восстановления пароля"),
                html.select("article.mail .subject").eachText());
        assertEquals(List.of("012345"), html.select(".code").eachText(), "a leading zero stays");
        assertEquals("anna@pokupatel.example", html.selectFirst("article.mail").attr("data-to"));
        assertTrue(html.selectFirst("article.mail").text().contains("1 января 1970, 03:03 (Москва, GMT+3)"),
                "received time in the zone given, with the zone, as the mails word it: " + html.selectFirst("article.mail").text());
    }

    @Test
    void mailContentIsEscaped() {
        mails.add(mail("<img src=x onerror=alert(1)>", "<script>alert('код')</script>", 1));
        String body = page.apply(WebRequest.get("/", Map.of())).html();
        assertFalse(body.contains("<script>"), body);
        assertFalse(body.contains("<img"), body);
        assertTrue(body.contains("&lt;script&gt;alert(&#39;код&#39;)&lt;/script&gt;"));
    }

    @Test
    void theHtmlPartIsShownInASandboxWithoutScriptsAndTheTextPartOnRequest() {
        mails.add(new ReceivedMail("no-reply@marketplace.example", List.of("anna@pokupatel.example"), "Код",
                "Ваш код:\n\n012345\n\nЭто были не вы? http://localhost:8080/realms/marketplace/marketplace-reset/not-me?token=abc",
                "<p onclick=\"x\">Ваш код: <b>012345</b> <a href=\"http://localhost:8080/not-me?token=abc\">Отменить код</a></p>",
                Instant.ofEpochSecond(1), "anna@pokupatel.example", List.of()));

        Document framed = Jsoup.parse(page.apply(WebRequest.get("/", Map.of())).html());
        Element frame = framed.selectFirst("article.mail iframe.mail-html");
        assertEquals("allow-popups allow-popups-to-escape-sandbox", frame.attr("sandbox"), "no scripts, no same origin");
        assertTrue(frame.attr("srcdoc").startsWith("<base target=\"_blank\"><p onclick="), "the mail's HTML, links open in a new tab");
        assertTrue(framed.select("article.mail pre").isEmpty());
        assertEquals(List.of("012345"), framed.select(".code").eachText(), "the code from the text part, as before");
        assertEquals("?view=text", framed.selectFirst("#view-switch a").attr("href"));

        Document text = Jsoup.parse(page.apply(WebRequest.get("/", Map.of("view", "text"))).html());
        assertTrue(text.select("iframe").isEmpty());
        Element link = text.selectFirst("article.mail pre a");
        assertEquals("http://localhost:8080/realms/marketplace/marketplace-reset/not-me?token=abc", link.attr("href"), "links are clickable");
        assertEquals("_blank", link.attr("target"));
        assertEquals("?view=html", text.selectFirst("#view-switch a").attr("href"));
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertEquals("see &lt;b&gt; <a href=\"https://a.example/x?y=1&amp;z=2\" target=\"_blank\" rel=\"noopener noreferrer\">"
                + "https://a.example/x?y=1&amp;z=2</a> and javascript:alert(1)", MailboxPage.linked("see <b> https://a.example/x?y=1&z=2 and javascript:alert(1)"));
    }

    @Test
    void onlyTheMailboxPageExists() {
        assertEquals(404, page.apply(WebRequest.get("/favicon.ico", Map.of())).status());
    }

    @Test
    void aCodeIsADigitLineNotAnyNumber() {
        assertEquals("1234567890", MailboxPage.codeIn("Код:\n 1234567890 \n").orElseThrow());
        assertTrue(MailboxPage.codeIn("Заказ 123456 оплачен").isEmpty());
        assertTrue(MailboxPage.codeIn(null).isEmpty());
    }

    /** A page of every mail of a long run was 98,311 px tall on a phone; the newest 30 are what anyone looks for. */
    @Test
    void onlyTheNewestMailsAreShownAndTheRestCounted() {
        for (int i = 0; i < MailboxPage.SHOWN + 5; i++) {
            mails.add(mail("Код " + i, "Ваш код:\n\n" + (100000 + i) + "\n", 1000 + i));
        }
        Document html = Jsoup.parse(page.apply(WebRequest.get("/", Map.of())).html());
        assertEquals(MailboxPage.SHOWN, html.select("article.mail").size());
        assertEquals("Код " + (MailboxPage.SHOWN + 4), html.selectFirst("article.mail .subject").text(), "the newest first");
        assertEquals("Показаны 30 последних писем из 35.", html.selectFirst("#older").text());
    }

    private static ReceivedMail mail(String subject, String text, long epochSecond) {
        return new ReceivedMail("no-reply@marketplace.example", List.of("anna@pokupatel.example"), subject, text, null,
                Instant.ofEpochSecond(epochSecond), "anna@pokupatel.example", List.of());
    }
}

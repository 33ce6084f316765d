package ru.marketplace.keycloak.reset.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.support.ReceivedMail;

class MailboxPageTest {

    private final List<ReceivedMail> mails = new ArrayList<>();
    private final MailboxPage page = new MailboxPage(() -> List.copyOf(mails), ZoneOffset.UTC);

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
        assertTrue(html.selectFirst("article.mail").text().contains("00:03:20"), "received time, in the zone given");
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
    void onlyTheMailboxPageExists() {
        assertEquals(404, page.apply(WebRequest.get("/favicon.ico", Map.of())).status());
    }

    @Test
    void aCodeIsADigitLineNotAnyNumber() {
        assertEquals("1234567890", MailboxPage.codeIn("Код:\n 1234567890 \n").orElseThrow());
        assertTrue(MailboxPage.codeIn("Заказ 123456 оплачен").isEmpty());
        assertTrue(MailboxPage.codeIn(null).isEmpty());
    }

    private static ReceivedMail mail(String subject, String text, long epochSecond) {
        return new ReceivedMail("no-reply@marketplace.example", List.of("anna@pokupatel.example"), subject, text, null,
                Instant.ofEpochSecond(epochSecond), "anna@pokupatel.example", List.of());
    }
}

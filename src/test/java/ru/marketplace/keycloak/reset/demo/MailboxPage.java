package ru.marketplace.keycloak.reset.demo;

import ru.marketplace.keycloak.reset.it.support.MailCatcher;
import ru.marketplace.keycloak.reset.it.support.ReceivedMail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's mailbox: every e-mail the SMTP catcher received, newest first, reloading itself every few seconds, so
 * the shopper can read the code. A code alone on its line (as the reset mail puts it) is shown large.
 */
public final class MailboxPage implements Function<WebRequest, WebReply> {

    /** No scripts, no outside resources: the page shows mail text, nothing runs. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
    static final int REFRESH_SECONDS = 3;

    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*(\\d{6,10})\\s*$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Supplier<List<ReceivedMail>> mails;
    private final ZoneId zone;

    /** @param mails every mail received so far, in any order */
    public MailboxPage(Supplier<List<ReceivedMail>> mails, ZoneId zone) {
        this.mails = mails;
        this.zone = zone;
    }

    /** Serves the mailbox of {@code catcher} on 127.0.0.1:{@code port}. */
    public static WebServer serve(MailCatcher catcher, int port) {
        return WebServer.start("mailbox", port, CONTENT_SECURITY_POLICY,
                new MailboxPage(catcher::allMails, ZoneId.systemDefault()));
    }

    @Override
    public WebReply apply(WebRequest request) {
        if (!request.path().equals("/")) {
            return WebReply.error(404, Html.page("Почтовый ящик", "<p>Здесь только одна страница: "
                    + "<a href=\"/\">все письма</a>.</p>", 0));
        }
        return WebReply.page(render());
    }

    String render() {
        List<ReceivedMail> newestFirst = new ArrayList<>(mails.get());
        newestFirst.sort(Comparator.comparing(ReceivedMail::receivedAt).reversed());
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"muted\">Письма, которые Keycloak отправил в демо, — новые сверху. "
                + "Страница обновляется сама каждые ").append(REFRESH_SECONDS).append(" с.</p>\n");
        if (newestFirst.isEmpty()) {
            body.append("<div class=\"card\" id=\"empty\"><p>Писем пока нет.</p><p class=\"muted\">На странице входа "
                    + "нажмите «Забыли пароль?» и введите адрес покупателя — письмо с кодом появится здесь.</p></div>");
        }
        for (ReceivedMail mail : newestFirst) {
            body.append(card(mail));
        }
        return Html.page("Почтовый ящик (демо)", body.toString(), REFRESH_SECONDS);
    }

    private String card(ReceivedMail mail) {
        String text = mail.readableText();
        StringBuilder card = new StringBuilder("<article class=\"card mail\" data-to=\"")
                .append(Html.escape(mail.deliveredTo())).append("\">\n")
                .append("<h2 class=\"subject\">").append(Html.escape(mail.subject())).append("</h2>\n")
                .append("<p class=\"muted\">").append(TIME.format(mail.receivedAt().atZone(zone)))
                .append(" · кому: ").append(Html.escape(String.join(", ", mail.to())))
                .append(" · от: ").append(Html.escape(mail.from())).append("</p>\n");
        codeIn(text).ifPresent(code -> card.append("<p>Код: <span class=\"code\">").append(Html.escape(code))
                .append("</span></p>\n"));
        return card.append("<pre>").append(Html.escape(text)).append("</pre>\n</article>\n").toString();
    }

    /** A line holding nothing but 6 to 10 digits: how the reset mail's text part carries the code. */
    static Optional<String> codeIn(String text) {
        Matcher matcher = CODE_LINE.matcher(text == null ? "" : text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}

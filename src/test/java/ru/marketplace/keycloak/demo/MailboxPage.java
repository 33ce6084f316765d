package ru.marketplace.keycloak.demo;

import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.reset.mail.MailTime;
import ru.marketplace.keycloak.harness.ReceivedMail;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's mailbox: every e-mail the SMTP catcher received, newest first, reloading itself every few seconds, so
 * the shopper can read the code. A code alone on its line (as the reset mail puts it) is shown large. Each mail
 * shows its HTML part (the e-mail theme, as a webmail would show it) in a sandboxed frame; a switch at the top
 * shows the plain-text parts instead, with their links clickable. Times are in the zone the mails state theirs.
 */
public final class MailboxPage implements Function<WebRequest, WebReply> {

    /**
     * No scripts, no outside resources: the page shows mail, nothing runs. A mail's HTML is framed with
     * {@code srcdoc}, which inherits this policy (so its images stay out too), and sandboxed without scripts.
     */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
    /** The frame may only open links in a new tab, outside the sandbox, so «Это были не вы?» works as in a webmail. */
    static final String FRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";
    static final int REFRESH_SECONDS = 3;

    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*(\\d{6,10})\\s*$");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final Supplier<List<ReceivedMail>> mails;
    private final ZoneId zone;

    /**
     * @param mails every mail received so far, in any order
     * @param zone  the zone of the times shown: the one the reset's mails state their times in
     */
    public MailboxPage(Supplier<List<ReceivedMail>> mails, ZoneId zone) {
        this.mails = mails;
        this.zone = zone;
    }

    /** Serves the mailbox of {@code catcher} on 127.0.0.1:{@code port}, times in {@code zone}. */
    public static WebServer serve(MailCatcher catcher, int port, ZoneId zone) {
        return WebServer.start("mailbox", port, CONTENT_SECURITY_POLICY, new MailboxPage(catcher::allMails, zone));
    }

    @Override
    public WebReply apply(WebRequest request) {
        if (!request.path().equals("/")) {
            return WebReply.error(404, Html.page("Почтовый ящик", "<p>Здесь только одна страница: "
                    + "<a href=\"/\">все письма</a>.</p>", 0));
        }
        return WebReply.page(render(!"text".equals(request.query().get("view"))));
    }

    /** The newest mails shown; older ones are counted, not shown. */
    static final int SHOWN = 30;

    String render() {
        return render(true);
    }

    /** @param html the mails' HTML parts; {@code false}: their plain-text parts */
    String render(boolean html) {
        List<ReceivedMail> newestFirst = new ArrayList<>(mails.get());
        newestFirst.sort(Comparator.comparing(ReceivedMail::receivedAt).reversed());
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"muted\">Письма, которые Keycloak отправил в демо, — новые сверху. "
                + "Страница обновляется сама каждые ").append(REFRESH_SECONDS).append(" с.</p>\n")
                .append(html
                        ? "<p id=\"view-switch\">Показано: оформленные письма (HTML). <a href=\"?view=text\">Показать текстовые версии</a></p>\n"
                        : "<p id=\"view-switch\">Показано: текстовые версии писем. <a href=\"?view=html\">Показать оформленные письма</a></p>\n");
        if (newestFirst.isEmpty()) {
            body.append("<div class=\"card\" id=\"empty\"><p>Писем пока нет.</p><p class=\"muted\">На странице входа "
                    + "нажмите «Забыли пароль?» и введите адрес покупателя — письмо с кодом появится здесь.</p></div>");
        }
        // a long session (or the test suite) piles up mails: the newest ones are what a shopper looks for
        for (ReceivedMail mail : newestFirst.subList(0, Math.min(SHOWN, newestFirst.size()))) {
            body.append(card(mail, html));
        }
        if (newestFirst.size() > SHOWN) {
            body.append("<p class=\"muted\" id=\"older\">Показаны ").append(SHOWN).append(" последних писем из ")
                    .append(newestFirst.size()).append(".</p>\n");
        }
        return Html.page("Почтовый ящик (демо)", body.toString(), REFRESH_SECONDS);
    }

    private String card(ReceivedMail mail, boolean html) {
        String text = mail.readableText();
        StringBuilder card = new StringBuilder("<article class=\"card mail\" data-to=\"")
                .append(Html.escape(mail.deliveredTo())).append("\">\n")
                .append("<h2 class=\"subject\">").append(Html.escape(mail.subject())).append("</h2>\n")
                .append("<p class=\"muted\">").append(Html.escape(MailTime.describe(mail.receivedAt(), zone, RUSSIAN)))
                .append(" · кому: ").append(Html.escape(String.join(", ", mail.to())))
                .append(" · от: ").append(Html.escape(mail.from())).append("</p>\n");
        codeIn(text).ifPresent(code -> card.append("<p>Код: <span class=\"code\">").append(Html.escape(code))
                .append("</span></p>\n"));
        if (html && mail.html() != null) {
            // links open in a new tab (base target), the only thing the sandbox lets out
            String framed = "<base target=\"_blank\">" + mail.html();
            card.append("<iframe class=\"mail-html\" title=\"").append(Html.escape(mail.subject()))
                    .append("\" sandbox=\"").append(FRAME_SANDBOX).append("\" srcdoc=\"").append(Html.escape(framed))
                    .append("\"></iframe>\n");
        } else {
            card.append("<pre>").append(linked(text)).append("</pre>\n");
        }
        return card.append("</article>\n").toString();
    }

    /** The text escaped, its web addresses made links (opening in a new tab). */
    static String linked(String text) {
        String plain = text == null ? "" : text;
        Matcher matcher = URL.matcher(plain);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            String url = matcher.group();
            out.append(Html.escape(plain.substring(last, matcher.start())))
                    .append("<a href=\"").append(Html.escape(url)).append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                    .append(Html.escape(url)).append("</a>");
            last = matcher.end();
        }
        return out.append(Html.escape(plain.substring(last))).toString();
    }

    /** A line holding nothing but 6 to 10 digits: how the reset mail's text part carries the code. */
    static Optional<String> codeIn(String text) {
        Matcher matcher = CODE_LINE.matcher(text == null ? "" : text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}

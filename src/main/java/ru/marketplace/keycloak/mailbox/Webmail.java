package ru.marketplace.keycloak.mailbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public webmail services the code screen offers to open, recognised from the domain of the address the
 * shopper typed.
 *
 * <p>Why: most shoppers read mail on the same phone or computer, in a browser tab. A button that opens the
 * right webmail in a new tab, while the code screen stays open in this one, saves them looking for the
 * service's address and coming back to the right tab. Only consumer domains are listed, whose webmail is
 * known for certain: a company domain hosted by Yandex 360 or Google Workspace cannot be told from its name
 * (that would take a DNS look-up of its MX records) and gets no button, only the written hints.
 *
 * <p>The button is derived from the typed address alone, never from an account, so it appears whether or not
 * the address is registered and the screen tells a stranger nothing.
 */
public enum Webmail {

    YANDEX("yandex", "https://mail.yandex.ru/",
            "yandex.ru", "ya.ru", "yandex.com", "yandex.by", "yandex.kz", "yandex.ua", "yandex.com.tr", "narod.ru"),
    MAIL_RU("mailru", "https://e.mail.ru/inbox/",
            "mail.ru", "inbox.ru", "list.ru", "bk.ru", "internet.ru"),
    GMAIL("gmail", "https://mail.google.com/mail/u/",
            "gmail.com", "googlemail.com"),
    OUTLOOK("outlook", "https://outlook.live.com/mail/",
            "outlook.com", "hotmail.com", "live.com", "msn.com"),
    RAMBLER("rambler", "https://mail.rambler.ru/",
            "rambler.ru", "lenta.ru", "autorambler.ru", "myrambler.ru", "ro.ru"),
    ICLOUD("icloud", "https://www.icloud.com/mail/",
            "icloud.com", "me.com", "mac.com"),
    YAHOO("yahoo", "https://mail.yahoo.com/",
            "yahoo.com", "ymail.com"),
    PROTON("proton", "https://mail.proton.me/",
            "proton.me", "protonmail.com", "pm.me");

    private static final Map<String, Webmail> BY_DOMAIN = Stream.of(values())
            .flatMap(webmail -> webmail.domains.stream().map(domain -> Map.entry(domain, webmail)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String id;
    private final String inboxUrl;
    private final Set<String> domains;

    Webmail(String id, String inboxUrl, String... domains) {
        this.id = id;
        this.inboxUrl = inboxUrl;
        this.domains = Set.of(domains);
    }

    /**
     * The service hosting {@code address}, e.g. {@link #YANDEX} for {@code anna@ya.ru}; empty for any other
     * domain and for anything that is not an address.
     */
    public static Optional<Webmail> forAddress(String address) {
        return domainOf(address).map(BY_DOMAIN::get);
    }

    /** A stable name for templates and message keys: {@code yandex}, {@code mailru}, {@code gmail}, … */
    public String id() {
        return id;
    }

    /**
     * The page to open for the shopper's mailbox {@code address}. Gmail, which keeps several signed-in
     * accounts apart, gets the account to open ({@code authuser}) and a search for mail from {@code sender} in
     * every folder, spam included; the other services open their inbox.
     *
     * @param sender the realm's sender address; blank: no search
     */
    public String linkFor(String address, String sender) {
        if (this != GMAIL) {
            return inboxUrl;
        }
        String link = inboxUrl + "?authuser=" + encode(address.strip().toLowerCase(Locale.ROOT));
        if (sender == null || sender.isBlank()) {
            return link;
        }
        return link + "#search/" + encode("from:" + sender.strip() + " in:anywhere");
    }

    private static Optional<String> domainOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return Optional.empty();
        }
        // a fully-qualified domain may end with a dot; letter case never matters in a domain
        String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        return Optional.of(domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
    }

    private static String encode(String value) {
        // URLEncoder writes form encoding; a space must be %20 in a path or fragment
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** For tests and documentation: every recognised domain with its service. */
    static Map<String, Webmail> byDomain() {
        return BY_DOMAIN;
    }
}

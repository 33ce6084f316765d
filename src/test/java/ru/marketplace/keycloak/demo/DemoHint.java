package ru.marketplace.keycloak.demo;

import java.util.function.BooleanSupplier;

/**
 * What the demo suggests trying, for the storefront's front page and the console: who to sign in as, how to
 * walk the reset, and the registration whose address a code confirms.
 *
 * @param passwordChanged whether the shopper's password is no longer {@code password} (asked on every front page,
 *                        so the page never names a password that stopped working)
 */
public record DemoHint(String email, String password, String mailboxUrl, BooleanSupplier passwordChanged) {

    /** A hint whose password never changes (tests without a server). */
    public DemoHint(String email, String password, String mailboxUrl) {
        this(email, password, mailboxUrl, () -> false);
    }

    /** The steps as plain lines, for the console. */
    public String[] steps() {
        return new String[]{
                "нажмите «Войти» → «Забыли пароль?» → введите " + email + " → «Продолжить»;",
                "код придёт в почтовый ящик " + mailboxUrl + " — введите его;",
                "придумайте новый пароль: витрина поприветствует вас по имени и покажет ID-токен;",
                "«Выйти» и войдите снова — уже с новым паролем (старый " + password + " больше не подойдёт);",
                "то же из приложения: на витрине «войти как в приложении» → «Не помню пароль» (клиент storefront-mobile);",
                "новый покупатель: «Зарегистрироваться» на витрине → заполните форму → код из почтового ящика подтвердит адрес.",
        };
    }

    /** The same as a card for the storefront's front page. */
    String html() {
        String who = passwordChanged.getAsBoolean()
                ? "<p>Демо-покупатель: <b>" + Html.escape(email) + "</b>. Пароль уже сменён: входите с тем, что вы "
                        + "придумали (" + Html.escape(password) + " больше не подойдёт), или восстановите его снова.</p>\n"
                : "<p>Демо-покупатель: <b>" + Html.escape(email) + "</b>, пароль <b>" + Html.escape(password) + "</b>.</p>\n";
        return "<div class=\"card\" id=\"hint\">\n<h2>Попробуйте восстановить пароль</h2>\n"
                + who + "<ol>\n"
                + "<li>Нажмите «Войти», затем «Забыли пароль?», введите " + Html.escape(email)
                + " и нажмите «Продолжить».</li>\n"
                + "<li>Откройте <a href=\"" + Html.escape(mailboxUrl) + "\" target=\"_blank\" rel=\"noopener\">"
                + "почтовый ящик</a>: там письмо с кодом. Введите код.</li>\n"
                + "<li>Придумайте новый пароль — и вы снова на витрине, уже вошедшим.</li>\n</ol>\n"
                + "<p>Или «Зарегистрироваться» как новый покупатель: адрес почты подтверждается кодом из того же "
                + "почтового ящика.</p>\n</div>\n";
    }
}

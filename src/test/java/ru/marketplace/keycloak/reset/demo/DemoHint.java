package ru.marketplace.keycloak.reset.demo;

/**
 * What the demo suggests trying, for the storefront's front page and the console: who to sign in as, and how to
 * walk the reset.
 */
public record DemoHint(String email, String password, String mailboxUrl) {

    /** The steps as plain lines, for the console. */
    public String[] steps() {
        return new String[]{
                "нажмите «Войти» → «Забыли пароль?» → введите " + email + " → «Продолжить»;",
                "код придёт в почтовый ящик " + mailboxUrl + " — введите его;",
                "придумайте новый пароль: витрина поприветствует вас по имени и покажет ID-токен;",
                "«Выйти» и войдите снова — уже с новым паролем (старый " + password + " больше не подойдёт).",
        };
    }

    /** The same as a card for the storefront's front page. */
    String html() {
        return "<div class=\"card\" id=\"hint\">\n<h2>Попробуйте восстановить пароль</h2>\n"
                + "<p>Демо-покупатель: <b>" + Html.escape(email) + "</b>, пароль <b>" + Html.escape(password)
                + "</b>.</p>\n<ol>\n"
                + "<li>Нажмите «Войти», затем «Забыли пароль?», введите " + Html.escape(email)
                + " и нажмите «Продолжить».</li>\n"
                + "<li>Откройте <a href=\"" + Html.escape(mailboxUrl) + "\" target=\"_blank\" rel=\"noopener\">"
                + "почтовый ящик</a>: там письмо с кодом. Введите код.</li>\n"
                + "<li>Придумайте новый пароль — и вы снова на витрине, уже вошедшим.</li>\n</ol>\n</div>\n";
    }
}

package ru.marketplace.keycloak.reset.benchmark.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;

/**
 * The walks the benchmark times, over HTTP with the harness's {@link Shopper}: this project's reset (e-mail →
 * code → new password), Keycloak's stock reset (username → link by e-mail → new password) and a password login.
 * A full walk ends with the code exchange at the token endpoint, as the storefront's server does.
 */
final class Walks {

    static final String PROJECT_REALM = "marketplace";
    static final String PROJECT_CLIENT = "storefront";
    static final String PROJECT_REDIRECT = "http://localhost:3000/callback";
    static final String STOCK_REALM = "stock-reset";
    static final String STOCK_CLIENT = "stock-app";
    static final String STOCK_REDIRECT = "http://localhost:3000/stock";

    /** The password every benchmark account starts with; meets the realms' policy. */
    static final String OLD_PASSWORD = "Ow9Rt3KxLp2M";
    /** Meets the policy, differs from the old one (passwordHistory) and from every username and address. */
    static final String NEW_PASSWORD = "Tq7Lm2RvXp9Zd";

    static final String LOGIN_PAGE = "login page";
    static final String FORGOT = "«Забыли пароль?»";
    static final String CONTINUE = "«Продолжить»";
    static final String CODE_MAIL = "code mail";
    static final String CODE = "code";
    static final String USERNAME = "username";
    static final String LINK_MAIL = "link mail";
    static final String OPEN_LINK = "open link";
    static final String NEW_PASSWORD_STEP = "new password";
    static final String SIGN_IN = "sign in";
    static final String TOKEN = "token";
    /** The whole walk, mail waits included. */
    static final String END_TO_END = "end to end";

    static final List<String> PROJECT_STEPS = List.of(LOGIN_PAGE, FORGOT, CONTINUE, CODE_MAIL, CODE, NEW_PASSWORD_STEP, TOKEN);
    static final List<String> STOCK_STEPS = List.of(LOGIN_PAGE, FORGOT, USERNAME, LINK_MAIL, OPEN_LINK, NEW_PASSWORD_STEP, TOKEN);
    static final List<String> LOGIN_STEPS = List.of(LOGIN_PAGE, SIGN_IN, TOKEN);

    private static final String CODE_SCREEN = "marketplace-reset-code.ftl";
    private static final String PASSWORD_SCREEN = "marketplace-new-password.ftl";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
    private static final Pattern ACTION_TOKEN_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?[^\\s\"<>]+");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    private Walks() {
    }

    /** This project's reset; {@code complete=false} stops once the code is mailed (a pending reset). */
    static Walk project(MailCatcher mail, boolean complete) {
        return (shopper, account, clock) -> {
            Page codeScreen = requestCode(shopper, account, clock);
            String code = clock.time(CODE_MAIL, () -> firstMatch(mail, account.email(), SIX_DIGITS, 1));
            if (!complete) {
                return;
            }
            Page passwordScreen = clock.time(CODE, () -> shopper.submit(codeScreen, "#mp-reset-code-form",
                    Map.of("code", code), "step=verify-code"));
            expectTemplate(passwordScreen, PASSWORD_SCREEN);
            Page backAtStore = clock.time(NEW_PASSWORD_STEP, () -> shopper.submit(passwordScreen, "#mp-new-password-form",
                    Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD)));
            clock.time(TOKEN, () -> shopper.exchangeCode(backAtStore, PROJECT_REALM, PROJECT_CLIENT, PROJECT_REDIRECT));
        };
    }

    /** Only «Забыли пароль?» and «Продолжить» of this project's reset, the code screen checked, no mail read. */
    static Walk projectContinueOnly() {
        return (shopper, account, clock) -> requestCode(shopper, account, clock);
    }

    /** Keycloak's own reset-credentials flow; {@code complete=false} stops once the link is mailed. */
    static Walk stock(MailCatcher mail, boolean complete) {
        return (shopper, account, clock) -> {
            Page login = clock.time(LOGIN_PAGE, () -> shopper.startLogin(STOCK_REALM, STOCK_CLIENT, STOCK_REDIRECT));
            Page form = clock.time(FORGOT, () -> shopper.followLink(login, "a[href*=reset-credentials]"));
            Page sent = clock.time(USERNAME, () -> shopper.submit(form, "#kc-reset-password-form",
                    Map.of("username", account.email())));
            expectStatus(sent, 200);
            String link = clock.time(LINK_MAIL, () -> firstMatch(mail, account.email(), ACTION_TOKEN_LINK, 0)
                    .replace("&amp;", "&"));
            if (!complete) {
                return;
            }
            Page update = clock.time(OPEN_LINK, () -> shopper.open(link));
            if (!update.hasElement("#kc-passwd-update-form")) {
                throw new IllegalStateException("expected Keycloak's update-password form after the link, got " + update);
            }
            Page backAtApp = clock.time(NEW_PASSWORD_STEP, () -> shopper.submit(update, "#kc-passwd-update-form",
                    Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD)));
            clock.time(TOKEN, () -> shopper.exchangeCode(backAtApp, STOCK_REALM, STOCK_CLIENT, STOCK_REDIRECT));
        };
    }

    /** A password login in the stock realm: the cost of one password hash with the realms' default algorithm. */
    static Walk passwordLogin() {
        return (shopper, account, clock) -> {
            Page login = clock.time(LOGIN_PAGE, () -> shopper.startLogin(STOCK_REALM, STOCK_CLIENT, STOCK_REDIRECT));
            Page backAtApp = clock.time(SIGN_IN, () -> shopper.submit(login, "#kc-form-login",
                    Map.of("username", account.email(), "password", account.password())));
            clock.time(TOKEN, () -> shopper.exchangeCode(backAtApp, STOCK_REALM, STOCK_CLIENT, STOCK_REDIRECT));
        };
    }

    private static Page requestCode(Shopper shopper, BenchAccount account, StepTimings clock) {
        Page login = clock.time(LOGIN_PAGE, () -> shopper.startLogin(PROJECT_REALM, PROJECT_CLIENT, PROJECT_REDIRECT));
        Page emailScreen = clock.time(FORGOT, () -> shopper.followLink(login, "a[href*=reset-credentials]"));
        Page codeScreen = clock.time(CONTINUE, () -> shopper.submit(emailScreen, "#mp-reset-email-form",
                Map.of("email", account.email())));
        expectTemplate(codeScreen, CODE_SCREEN);
        if (!codeScreen.errorText().isEmpty()) {
            throw new IllegalStateException("the code screen shows an error (a limit?): " + codeScreen.errorText());
        }
        return codeScreen;
    }

    /** Waits for the first mail to {@code address} and returns the pattern's {@code group} in its text part. */
    private static String firstMatch(MailCatcher mail, String address, Pattern pattern, int group) {
        ReceivedMail received = mail.waitForMails(address, 1, MAIL_WAIT).get(0);
        Matcher matcher = pattern.matcher(received.text());
        if (!matcher.find()) {
            throw new IllegalStateException("nothing like " + pattern + " in the mail to " + address + ": " + received.text());
        }
        return matcher.group(group);
    }

    private static void expectTemplate(Page page, String template) {
        if (!template.equals(page.templateName())) {
            throw new IllegalStateException("expected " + template + ", got " + page);
        }
    }

    private static void expectStatus(Page page, int status) {
        if (page.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + ", got " + page);
        }
    }
}

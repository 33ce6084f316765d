package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;

/**
 * The steps of the reset as a shopper takes them, shared by the integration tests: each returns the page the
 * shopper sees next, so a test reads like the flow.
 */
final class ResetJourney {

    static final String REALM = "marketplace";
    static final String CLIENT = "storefront";
    static final String REDIRECT = "http://localhost:3000/callback";
    static final String FLOW = "marketplace reset credentials";
    static final String AUTHENTICATOR = "marketplace-email-code-reset";
    static final String EMAIL_SCREEN = "marketplace-reset-email.ftl";
    static final String CODE_SCREEN = "marketplace-reset-code.ftl";
    static final String PASSWORD_SCREEN = "marketplace-new-password.ftl";
    static final Duration MAIL_WAIT = Duration.ofSeconds(20);
    /** Meets the marketplace rules and zxcvbn's minimum score. */
    static final String STRONG_PASSWORD = "Tq7Lm2RvXp9Zd";

    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
    /** The «Это были не вы?» link in a code mail (its token: base64url payload "." signature). */
    static final Pattern NOT_ME_LINK = Pattern.compile("https?://\\S+/not-me\\?token=[A-Za-z0-9_.-]+");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ResetJourney() {
    }

    /** A shopper account with a unique address, so the per-account limits of one test never touch another. */
    record Account(String id, String username, String email, String password) {
    }

    static Account newAccount(AdminApi admin, String label) {
        String unique = label + "-" + System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet();
        String email = unique + "@shop.example";
        String password = "Ow9Rt3KxLp2M";
        String id = admin.createUser(REALM, unique, email, password, "Анна", "Петрова");
        return new Account(id, unique, email, password);
    }

    /** The storefront's login page. */
    static Page loginPage(Shopper shopper) {
        return shopper.startLogin(REALM, CLIENT, REDIRECT);
    }

    static Page loginPage(Shopper shopper, String uiLocale) {
        return shopper.startLogin(REALM, CLIENT, REDIRECT, Map.of("ui_locales", uiLocale));
    }

    /** «Забыли пароль?» → «Восстановление пароля». */
    static Page openReset(Shopper shopper) {
        Page login = loginPage(shopper);
        return shopper.followLink(login, "a[href*=reset-credentials]");
    }

    /** A plain sign-in with e-mail and password at the storefront; a redirect back to it means success. */
    static Page signIn(Shopper shopper, String email, String password) {
        return shopper.submit(loginPage(shopper), "#kc-form-login", Map.of("username", email, "password", password));
    }

    /** Types the address and presses «Продолжить». */
    static Page requestCode(Shopper shopper, Page emailScreen, String typed) {
        return shopper.submit(emailScreen, "#mp-reset-email-form", Map.of("email", typed));
    }

    static Page enterCode(Shopper shopper, Page codeScreen, String code) {
        return shopper.submit(codeScreen, "#mp-reset-code-form", Map.of("code", code), "step=verify-code");
    }

    static Page resend(Shopper shopper, Page codeScreen) {
        return shopper.submit(codeScreen, "#mp-reset-resend-form", Map.of(), "step=resend-code");
    }

    static Page changeAddress(Shopper shopper, Page codeScreen) {
        return shopper.submit(codeScreen, "#mp-reset-change-form", Map.of(), "step=change-address");
    }

    static Page choosePassword(Shopper shopper, Page passwordScreen, String password, String confirmation) {
        return shopper.submit(passwordScreen, "#mp-new-password-form", Map.of("password-new", password, "password-confirm", confirmation));
    }

    /** Waits for the {@code n}-th code e-mail to {@code email} and reads the code from its text part. */
    static String codeFromMail(MailCatcher mail, String email, int n) {
        List<ReceivedMail> mails = mail.waitForMails(email, n, MAIL_WAIT);
        ReceivedMail latest = mails.get(n - 1);
        Matcher matcher = CODE.matcher(latest.text());
        assertTrue(matcher.find(), () -> "no code in: " + latest.text());
        return matcher.group(1);
    }

    /** The first event of {@code type} for {@code userId}, waiting up to {@code wait} for it. */
    static com.fasterxml.jackson.databind.JsonNode waitForEvent(AdminApi admin, String type, String userId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (com.fasterxml.jackson.databind.JsonNode event : admin.events(REALM, type)) {
                if (userId.equals(event.path("userId").asText())) {
                    return event;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        throw new AssertionError("no " + type + " event for " + userId);
    }

    /** Absence can only be checked for a while: watches the mailbox for {@code window} and fails if anything arrives. */
    static void assertNoMailTo(MailCatcher mail, String address, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            List<ReceivedMail> mails = mail.mailsTo(address);
            assertTrue(mails.isEmpty(), () -> "unexpected mail to " + address + ": " + mails.get(0).subject());
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** Waits for {@code expected} mails to {@code address}, then watches for {@code window} that no more arrive. */
    static int assertMailCountSettlesAt(MailCatcher mail, String address, int expected, Duration window) {
        mail.waitForMails(address, expected, MAIL_WAIT);
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            int count = mail.mailsTo(address).size();
            assertEquals(expected, count, () -> "mails to " + address);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return expected;
    }

    /** Runs every request at once on its own thread and returns the pages in the order given. */
    @SafeVarargs
    static List<Page> atOnce(java.util.concurrent.Callable<Page>... requests) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(requests.length);
        try {
            List<Page> pages = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Page> page : pool.invokeAll(List.of(requests))) {
                pages.add(page.get());
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Settles a race of one session's right code sent twice at once (two "browsers" sharing the cookies, each
     * following its own answer) and returns the password changes recorded for {@code account}.
     *
     * <p>What must hold whatever the interleaving: no answer is an error or a dead end; at most one password change.
     * Keycloak itself may answer the second of two simultaneous posts of one form with «Страница устарела» or by
     * restarting the flow («Сессия завершена»), and when the two answers both render the password step, each renews
     * the step's session code, so the form shown may be refused once and shown again. So: the shopper finishes from
     * the first password screen (submitting again if the form comes back); every other password screen is submitted
     * afterwards and must change nothing; if no answer reached the password step, the code is spent and a fresh
     * request for a code completes the reset.
     */
    static long settleCodeRace(AdminApi admin, Account account, List<Shopper> browsers, List<Page> answers,
                               java.util.function.Supplier<Shopper> freshBrowser, MailCatcher mail, String label) {
        for (Page answer : answers) {
            assertNotEquals(500, answer.status(), () -> "answer: " + answer);
            assertTrue(PASSWORD_SCREEN.equals(answer.templateName()) || answer.hasElement("form") || answer.hasElement("a[href]"),
                    () -> "a way on from every answer: " + answer.text());
        }
        List<Integer> through = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (PASSWORD_SCREEN.equals(answers.get(i).templateName())) {
                through.add(i);
            }
        }
        int submissions = 0;
        if (through.isEmpty()) {
            Shopper again = freshBrowser.get();
            Page passwordScreen = enterCode(again, requestCode(again, openReset(again), account.email()),
                    codeFromMail(mail, account.email(), mail.mailsTo(account.email()).size() + 1));
            assertScreen(passwordScreen, PASSWORD_SCREEN);
            assertTrue(choosePassword(again, passwordScreen, STRONG_PASSWORD, STRONG_PASSWORD).isRedirect());
            submissions++;
        } else {
            Shopper browser = browsers.get(through.get(0));
            Page outcome = choosePassword(browser, answers.get(through.get(0)), STRONG_PASSWORD, STRONG_PASSWORD);
            submissions++;
            if (PASSWORD_SCREEN.equals(outcome.templateName())) {
                outcome = choosePassword(browser, outcome, STRONG_PASSWORD, STRONG_PASSWORD);
                submissions++;
            }
            Page atStore = outcome;
            assertTrue(atStore.isRedirect() && atStore.location().startsWith(REDIRECT), () -> "back at the storefront: " + atStore);
            for (int i : through.subList(1, through.size())) {
                Page late = choosePassword(browsers.get(i), answers.get(i), "Zz9" + STRONG_PASSWORD, "Zz9" + STRONG_PASSWORD);
                assertNotEquals(500, late.status());
            }
        }
        long changes = admin.events(REALM, "UPDATE_PASSWORD").stream()
                .filter(e -> account.id().equals(e.path("userId").asText())).count();
        System.out.printf("[%s] one code raced by two browsers: answers %s; password set after %d submission(s)%s; "
                        + "password changes=%d%n", label,
                answers.stream().map(a -> a.templateName().isEmpty() ? "«" + a.heading() + "»" : a.templateName()).toList(),
                submissions, through.isEmpty() ? " with a new code" : "", changes);
        assertEquals(1, changes, "exactly one password change");
        assertTrue(signIn(freshBrowser.get(), account.email(), STRONG_PASSWORD).isRedirect(), "the password chosen is in force");
        return changes;
    }

    static String wrongCode(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    /** Page text with the address replaced, so pages for different addresses can be compared for equality. */
    static String withoutAddress(Page page, String address) {
        return page.text().replace(address, "<address>");
    }

    static void assertScreen(Page page, String template) {
        assertEquals(200, page.status(), () -> "status of " + page);
        assertEquals(template, page.templateName(), () -> "expected " + template + " but got " + page.heading() + ": " + page.text());
    }
}

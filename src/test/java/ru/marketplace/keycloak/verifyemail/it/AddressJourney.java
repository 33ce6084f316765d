package ru.marketplace.keycloak.verifyemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;

/** The address confirmations' steps and checks, shared by the verification's and the address change's tests. */
final class AddressJourney {

    static final String REALM = "marketplace";
    static final String CLIENT = "storefront";
    static final String REDIRECT = "http://localhost:3000/callback";
    static final String SCREEN = "marketplace-verify-email.ftl";
    static final Duration MAIL_WAIT = Duration.ofSeconds(20);

    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private AddressJourney() {
    }

    /** Types {@code code} and presses «Подтвердить». */
    static Page enterCode(Shopper shopper, Page screen, String code) {
        return shopper.submit(screen, "#mp-verify-code-form", Map.of("code", code), "step=verify-code");
    }

    static void assertScreen(Page page) {
        assertEquals(200, page.status(), () -> "status of " + page);
        assertEquals(SCREEN, page.templateName(), () -> "expected " + SCREEN + " but got " + page.heading() + ": " + page.text());
    }

    static String codeIn(ReceivedMail codeMail) {
        Matcher m = CODE.matcher(codeMail.text());
        assertTrue(m.find(), codeMail.text());
        return m.group(1);
    }

    static String wrongCode(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    /** A unique address, so the per-account limits of one test never touch another. */
    static String uniqueAddress(String flow, String label) {
        return flow + "-" + label + "-" + System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet() + "@shop.example";
    }
}

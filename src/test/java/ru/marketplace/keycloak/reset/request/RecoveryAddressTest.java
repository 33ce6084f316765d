package ru.marketplace.keycloak.reset.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.marketplace.keycloak.reset.request.RecoveryAddress.Kind;

class RecoveryAddressTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "anna@shop.example|anna@shop.example",
            "  Anna.Petrova+orders@Shop.Example \t|anna.petrova+orders@shop.example",
            "ANNA@XN--80AK6AA92E.COM|anna@xn--80ak6aa92e.com",
            "anna@почта.рф|anna@почта.рф",
            "o'brien@shop.example|o'brien@shop.example"})
    void acceptsAndNormalisesAddresses(String typed, String normalised) {
        RecoveryAddress address = RecoveryAddress.parse(typed);
        assertEquals(Kind.EMAIL, address.kind());
        assertEquals(normalised, address.normalised());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+7 (999) 123-45-67", "89991234567", "+79991234567", "8 999 123 45 67", "999.123.4567"})
    void recognisesPhoneNumbers(String typed) {
        assertEquals(Kind.PHONE, RecoveryAddress.parse(typed).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "anna", "anna@", "@shop.example", "anna@shop", "anna@@shop.example", "an na@shop.example",
            "anna@shop.example, boris@shop.example", "anna@shop.example;boris@shop.example",
            "anna@shop.example\r\nBcc: boris@shop.example", "anna@shop.example\nBcc:x@y.z", "anna\u0000@shop.example",
            "<anna@shop.example>", "\"anna\"@shop.example", "anna..b@shop.example", ".anna@shop.example",
            "anna@-shop.example", "123456", "anna@shop..example"})
    void rejectsWhatIsNotASingleAddress(String typed) {
        assertEquals(Kind.INVALID, RecoveryAddress.parse(typed).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankIsEmpty(String typed) {
        assertEquals(Kind.EMPTY, RecoveryAddress.parse(typed).kind());
        assertEquals(Kind.EMPTY, RecoveryAddress.parse(null).kind());
    }

    @org.junit.jupiter.api.Test
    void overlongInputIsInvalidWithoutBeingProcessed() {
        assertEquals(Kind.INVALID, RecoveryAddress.parse("a".repeat(250) + "@shop.example").kind());
        assertEquals(Kind.INVALID, RecoveryAddress.parse("a".repeat(1_000_000)).kind());
    }
}

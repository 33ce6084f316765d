package ru.marketplace.keycloak.code.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"012345", " 012 345 ", "012-345", "01 23 45", "０１２３４５", "٠١٢٣٤٥", "012\u00a0345", "012.345", "012345\r\n"})
    void normalisesWhatPeopleTypeOrPaste(String typed) {
        assertEquals(Optional.of("012345"), CodeInput.normalise(typed, 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "01234a", "O12345", "0123456789012", "½12345", "①②③④⑤⑥", "012+345"})
    void rejectsWhatIsNotExactlyACode(String typed) {
        assertTrue(CodeInput.normalise(typed, 6).isEmpty(), typed);
    }

    @org.junit.jupiter.api.Test
    void rejectsNullAndHugeInputCheaply() {
        assertTrue(CodeInput.normalise(null, 6).isEmpty());
        assertTrue(CodeInput.normalise("1".repeat(1_048_576), 6).isEmpty());
    }
}

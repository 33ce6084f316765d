package ru.marketplace.keycloak.reset.policy.breach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** Small filters for tests, built in memory from plain passwords. */
public final class BreachFilterTestSupport {

    private BreachFilterTestSupport() {
    }

    public static BreachFilter filterOf(String... passwords) {
        BreachFilterBuilder builder = new BreachFilterBuilder(BreachFilterBuilder.DEFAULT_FINGERPRINT_BITS, 0);
        for (String password : passwords) {
            builder.addPassword(password);
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            builder.writeTo(bytes);
            return BreachFilter.read(ByteBuffer.wrap(bytes.toByteArray()), "test");
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}

package ru.marketplace.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    @Test
    void theDefaultsAreTheReadmesPorts() {
        DemoSettings settings = DemoSettings.from(new Properties());
        assertEquals(new DemoSettings(8080, 8025, 3000, 0), settings);
        assertEquals(List.of(8080, 8025, 3000),
                settings.fixedPorts().stream().map(DemoSettings.NamedPort::port).toList(),
                "a free SMTP port is not checked in advance");
    }

    @Test
    void eachPortCanBeOverridden() {
        DemoSettings settings = DemoSettings.from(properties("demo.keycloak.port", "18080", "demo.mail.port", "18025",
                "demo.store.port", "13000", "demo.smtp.port", "11025"));
        assertEquals(new DemoSettings(18080, 18025, 13000, 11025), settings);
        assertEquals("demo.smtp.port", settings.fixedPorts().get(3).property());
    }

    @Test
    void aBadValueNamesThePropertyAndTheRange() {
        DemoFailure notANumber = assertThrows(DemoFailure.class,
                () -> DemoSettings.from(properties("demo.store.port", "three thousand")));
        assertTrue(notANumber.getMessage()
                        .startsWith("-Ddemo.store.port=three thousand: нужен номер порта от 1 до 65535"),
                notANumber.getMessage());
        assertThrows(DemoFailure.class, () -> DemoSettings.from(properties("demo.keycloak.port", "0")));
        assertThrows(DemoFailure.class, () -> DemoSettings.from(properties("demo.mail.port", "65536")));
    }

    @Test
    void twoServicesCannotShareAPort() {
        DemoFailure clash = assertThrows(DemoFailure.class,
                () -> DemoSettings.from(properties("demo.store.port", "8080")));
        assertTrue(clash.getMessage().contains("demo.keycloak.port и demo.store.port"), clash.getMessage());
    }

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }
}

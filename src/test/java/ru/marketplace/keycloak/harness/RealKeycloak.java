package ru.marketplace.keycloak.harness;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class runs against the one real Keycloak (and mail catcher) of this test JVM; its test methods and
 * constructors may take {@link KeycloakServer}, {@link MailCatcher}, {@link AdminApi} and {@link Shopper}, and
 * {@link KeycloakLauncher} for checks that only make sense for the distribution-based server.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(KeycloakExtension.class)
@Tag("keycloak")
public @interface RealKeycloak {
}

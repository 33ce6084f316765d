package ru.marketplace.keycloak.reset.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Set;

/**
 * Starts one {@link MailCatcher} and one {@link KeycloakLauncher} per test JVM, the first time a test class
 * needs them, and stops both when the whole run ends (they live in the root context's store). Use it through
 * {@link RealKeycloak}.
 *
 * <p>If the start fails, the failure is remembered and every later class fails at once with the same cause,
 * instead of waiting for another start that would fail the same way.
 */
public final class KeycloakExtension implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(KeycloakExtension.class);
    private static final String KEY = "environment";
    private static final Set<Class<?>> RESOLVED = Set.of(KeycloakLauncher.class, MailCatcher.class, AdminApi.class,
            Shopper.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Environment environment = environment(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakLauncher.class) {
            return environment.keycloak();
        }
        if (type == MailCatcher.class) {
            return environment.mail();
        }
        if (type == AdminApi.class) {
            return environment.admin();
        }
        if (type == Shopper.class) {
            return Shopper.at(environment.keycloak()); // a fresh browser for every parameter
        }
        throw new ParameterResolutionException("Unsupported parameter " + parameter.getParameter());
    }

    private static Environment environment(ExtensionContext context) {
        Attempt attempt = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> Attempt.start(), Attempt.class);
        return attempt.environmentOrThrow();
    }

    /** The running pair. */
    private record Environment(MailCatcher mail, KeycloakLauncher keycloak, AdminApi admin) {
    }

    /** The outcome of the one start of this JVM; closed by JUnit when the root context closes. */
    private static final class Attempt implements ExtensionContext.Store.CloseableResource {
        private final Environment environment;
        private final RuntimeException failure;

        private Attempt(Environment environment, RuntimeException failure) {
            this.environment = environment;
            this.failure = failure;
        }

        static Attempt start() {
            MailCatcher mail = null;
            try {
                HarnessSettings settings = HarnessSettings.fromSystemProperties();
                mail = MailCatcher.start();
                KeycloakLauncher keycloak = settings.launcher()
                        .smtp(mail.host(), mail.port())
                        .start();
                System.out.printf("[it] %s started in %d s; SMTP catcher on %s:%d%n",
                        keycloak, keycloak.startupTime().toSeconds(), mail.host(), mail.port());
                return new Attempt(new Environment(mail, keycloak, AdminApi.connect(keycloak)), null);
            } catch (RuntimeException e) {
                if (mail != null) {
                    mail.stop();
                }
                return new Attempt(null, e);
            }
        }

        Environment environmentOrThrow() {
            if (failure != null) {
                throw new IllegalStateException("The Keycloak test environment could not start: "
                        + failure.getMessage(), failure);
            }
            return environment;
        }

        @Override
        public void close() {
            if (environment != null) {
                try {
                    environment.keycloak().stop();
                } finally {
                    environment.mail().stop();
                }
            }
        }
    }
}

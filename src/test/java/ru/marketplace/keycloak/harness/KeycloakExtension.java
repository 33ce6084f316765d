package ru.marketplace.keycloak.harness;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Starts one {@link MailCatcher} and one {@link KeycloakServer} per test JVM, the first time a test class
 * needs them, and stops both when the whole run ends (they live in the root context's store). Use it through
 * {@link RealKeycloak}.
 *
 * <p>The server is the unpacked distribution ({@link KeycloakLauncher}) unless {@code -Dkeycloak.server=container}
 * asks for the official image ({@link ContainerKeycloak}). In container mode, tests are skipped (not failed) when
 * no Docker engine answers, and so are tests that take a {@link KeycloakLauncher}: they check the distribution.
 *
 * <p>If the start fails, the failure is remembered and every later class fails at once with the same cause,
 * instead of waiting for another start that would fail the same way.
 */
public final class KeycloakExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(KeycloakExtension.class);
    private static final String KEY = "environment";
    private static final Set<Class<?>> RESOLVED = Set.of(KeycloakServer.class, KeycloakLauncher.class,
            MailCatcher.class, AdminApi.class, Shopper.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (HarnessSettings.Server.fromSystemProperty() != HarnessSettings.Server.CONTAINER) {
            return ConditionEvaluationResult.enabled("Keycloak from the distribution");
        }
        if (!ContainerKeycloak.dockerAvailable()) {
            return ConditionEvaluationResult.disabled("-Dkeycloak.server=container, but no Docker engine answers "
                    + "here: skipped (run without the switch to test against the distribution)");
        }
        if (needsLauncher(context)) {
            return ConditionEvaluationResult.disabled("checks the distribution-based server (KeycloakLauncher), "
                    + "not applicable with -Dkeycloak.server=container");
        }
        return ConditionEvaluationResult.enabled("Keycloak in a container");
    }

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
        if (type == KeycloakServer.class) {
            return environment.keycloak();
        }
        if (type == KeycloakLauncher.class) {
            if (environment.keycloak() instanceof KeycloakLauncher launcher) {
                return launcher;
            }
            throw new ParameterResolutionException("A KeycloakLauncher exists only with the distribution server");
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

    /** Whether the test class's constructors or the test method take the distribution-only launcher. */
    private static boolean needsLauncher(ExtensionContext context) {
        Stream<Executable> executables = context.getTestMethod()
                .<Stream<Executable>>map(Stream::of)
                .orElseGet(() -> context.getTestClass().stream()
                        .flatMap(type -> Arrays.stream(type.getDeclaredConstructors())));
        return executables.flatMap(executable -> Arrays.stream(executable.getParameterTypes()))
                .anyMatch(KeycloakLauncher.class::equals);
    }

    private static Environment environment(ExtensionContext context) {
        Attempt attempt = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> Attempt.start(), Attempt.class);
        return attempt.environmentOrThrow();
    }

    /** The running pair. */
    private record Environment(MailCatcher mail, KeycloakServer keycloak, AdminApi admin) {
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
                KeycloakServer keycloak = switch (settings.server()) {
                    case DISTRIBUTION -> settings.launcher().smtp(mail.host(), mail.port()).start();
                    case CONTAINER -> ContainerKeycloak.start(settings, mail);
                };
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

package ru.marketplace.keycloak;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape each {@code package-info.java} describes, kept by the build: plain-logic packages know nothing of
 * Keycloak (they are unit-tested without a server), the mail queue knows nothing of the reset, and no two packages
 * depend on each other.
 */
class ArchitectureTest {

    /** Decisions only: codes, limits' arithmetic, settings, texts. Keycloak stays at the edges. */
    private static final String[] PLAIN_LOGIC = {
            "ru.marketplace.keycloak.code",
            "ru.marketplace.keycloak.code.issue..",
            "ru.marketplace.keycloak.code.check..",
            "ru.marketplace.keycloak.code.limits..",
            "ru.marketplace.keycloak.settings..",
            "ru.marketplace.keycloak.i18n..",
            "ru.marketplace.keycloak.events..",
            "ru.marketplace.keycloak.mailbox..",
            "ru.marketplace.keycloak.reset.request..",
            "ru.marketplace.keycloak.reset.settings..",
            "ru.marketplace.keycloak.reset.policy.breach..",
            "ru.marketplace.keycloak.verifyemail.settings.."};

    /** What every flow that mails a code shares: the engine, its store adapter, the mail queue and the texts. */
    private static final String[] SHARED = {
            "ru.marketplace.keycloak.code..",
            "ru.marketplace.keycloak.mail..",
            "ru.marketplace.keycloak.settings..",
            "ru.marketplace.keycloak.i18n..",
            "ru.marketplace.keycloak.events..",
            "ru.marketplace.keycloak.mailbox..",
            "ru.marketplace.keycloak.theme..",
            "ru.marketplace.keycloak.console..",
            "ru.marketplace.keycloak.spi.."};

    private static JavaClasses production;

    @BeforeAll
    static void importTheExtension() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/shaded/"))
                .importPackages("ru.marketplace.keycloak");
    }

    @Test
    void plainLogicPackagesDoNotDependOnKeycloak() {
        noClasses().that().resideInAnyPackage(PLAIN_LOGIC)
                .should().dependOnClassesThat().resideInAnyPackage("org.keycloak..", "jakarta.ws.rs..", "org.jboss..",
                        "jakarta.mail..", "org.infinispan..")
                .because("plain logic is unit-tested without a server; Keycloak types stay in the adapters")
                .check(production);
    }

    @Test
    void theSharedEngineKnowsNothingOfTheFlowsThatUseIt() {
        noClasses().that().resideInAnyPackage(SHARED)
                .should().dependOnClassesThat().resideInAnyPackage("ru.marketplace.keycloak.reset..", "ru.marketplace.keycloak.verifyemail..")
                .because("the code engine and the mail queue serve every flow that mails a code (issue 12)")
                .check(production);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("ru.marketplace.keycloak.(**)").should().beFreeOfCycles().check(production);
    }
}

package ru.marketplace.keycloak.reset.benchmark.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuCategoryTest {

    @Test
    void theLibraryNearestTheLeafNamesTheSample() {
        assertEquals(CpuCategory.HASHING, CpuCategory.of(List.of("org.bouncycastle.crypto.generators.Argon2BytesGenerator",
                "org.keycloak.crypto.hash.Argon2PasswordHashProvider", "ru.marketplace.keycloak.reset.newpassword.NewPasswordRequiredAction")));
        assertEquals(CpuCategory.TEMPLATES, CpuCategory.of(List.of("freemarker.core.Environment",
                "ru.marketplace.keycloak.mail.TemplatedMail")));
        assertEquals(CpuCategory.DATABASE, CpuCategory.of(List.of("org.postgresql.core.PGStream", "org.hibernate.internal.SessionImpl",
                "org.keycloak.models.jpa.JpaUserProvider")));
    }

    @Test
    void jdkFramesCountForTheirCaller() {
        assertEquals(CpuCategory.EXTENSION, CpuCategory.of(List.of("java.util.HashMap", "java.lang.String",
                "ru.marketplace.keycloak.code.limits.RingRecord", "org.keycloak.services.resources.LoginActionsService")));
        assertEquals(CpuCategory.KEYCLOAK, CpuCategory.of(List.of("java.util.HashMap", "org.keycloak.services.managers.AuthenticationManager")));
        assertEquals(CpuCategory.OTHER, CpuCategory.of(List.of("java.util.HashMap", "java.lang.Thread")));
        assertEquals(CpuCategory.OTHER, CpuCategory.of(List.of()));
    }

    @Test
    void theJdksCryptographyIsItsOwnCategory() {
        assertEquals(CpuCategory.CRYPTO, CpuCategory.of(List.of("sun.security.rsa.RSACore", "org.keycloak.crypto.AsymmetricSignatureSignerContext")));
        assertEquals(CpuCategory.CRYPTO, CpuCategory.of(List.of("org.bouncycastle.crypto.digests.SHA512Digest")));
    }

    @Test
    void underTheExtensionMeansAnExtensionFrameAnywhere() {
        assertTrue(CpuCategory.underExtension(List.of("freemarker.core.Environment", "ru.marketplace.keycloak.mail.TemplatedMail",
                "org.keycloak.services.resources.LoginActionsService")));
        assertFalse(CpuCategory.underExtension(List.of("freemarker.core.Environment", "org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider")));
    }
}

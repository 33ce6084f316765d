package ru.marketplace.keycloak.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random strings for an authorization request: PKCE S256 verifier and challenge, state, nonce. Public: the demo
 * storefront makes its authorization requests with it too.
 */
public final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /** 32 random bytes, base64url: 43 characters, the RFC 7636 minimum length with 256 bits of entropy. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /**
     * The query parameters of an authorization-code request with PKCE S256 (RFC 6749 4.1.1, RFC 7636 4.3), in a
     * stable order; callers add extras such as {@code ui_locales}.
     */
    public static java.util.Map<String, String> authorizationParams(String clientId, String redirectUri, String scope,
                                                                   String state, String nonce, String codeVerifier) {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("response_type", "code");
        params.put("scope", scope);
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", s256Challenge(codeVerifier));
        params.put("code_challenge_method", "S256");
        return params;
    }

    /**
     * The form of the token request that trades an authorization code for tokens with its PKCE verifier
     * (RFC 6749 4.1.3, RFC 7636 4.5), in a stable order; a confidential client adds its secret.
     */
    public static java.util.Map<String, String> tokenRequestParams(String code, String redirectUri, String clientId,
                                                                   String codeVerifier) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        form.put("code_verifier", codeVerifier);
        return form;
    }

    public static String s256Challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

package ru.marketplace.keycloak.reset.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A small storefront, the {@code storefront} client of the realm: «Войти» starts an authorization-code login with
 * PKCE, the callback exchanges the code on the server and checks the ID token, the home page greets the shopper by
 * name and lists the token's claims, «Выйти» ends the Keycloak session too.
 *
 * <p>Routes: {@code GET /}, {@code GET /login}, {@code GET /callback}, {@code POST /logout},
 * {@code GET /signed-out}.
 */
public final class Storefront implements Function<WebRequest, WebReply> {

    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "auth_time", "nbf");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final OidcClient oidc;
    private final String baseUrl;
    private final Clock clock;
    private final DemoHint hint;
    private final BrowserSessions sessions = new BrowserSessions();

    /**
     * @param baseUrl how browsers reach the storefront, {@code http://localhost:3000}: the realm's registered
     *                redirect URIs are under it
     * @param hint    what the demo suggests trying, shown to a visitor who is not signed in; may be {@code null}
     */
    public Storefront(OidcClient oidc, String baseUrl, Clock clock, DemoHint hint) {
        this.oidc = oidc;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.clock = clock;
        this.hint = hint;
    }

    /** Serves the storefront on 127.0.0.1:{@code port}; browsers use {@code baseUrl}. */
    public static WebServer serve(Storefront storefront, int port, String keycloakOrigin) {
        // the logout form's POST is answered with a redirect to Keycloak: form-action must allow it
        String csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " + keycloakOrigin
                + "; frame-ancestors 'none'; base-uri 'none'";
        return WebServer.start("storefront", port, csp, storefront);
    }

    public String redirectUri() {
        return baseUrl + "/callback";
    }

    @Override
    public WebReply apply(WebRequest request) {
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "GET /", "HEAD /" -> home(request, null);
            case "GET /signed-out" -> home(request, "Вы вышли из аккаунта.");
            case "GET /login" -> startLogin(request);
            case "GET /callback" -> finishLogin(request);
            case "POST /logout" -> logout(request);
            default -> Set.of("/", "/login", "/callback", "/logout", "/signed-out").contains(request.path())
                    ? WebReply.error(405, Html.page("Витрина", "<p>Так сюда не заходят.</p>", 0))
                    : WebReply.error(404, Html.page("Витрина",
                            "<p>Такой страницы нет. <a href=\"/\">На главную</a></p>", 0));
        };
    }

    private WebReply home(WebRequest request, String notice) {
        Optional<BrowserSessions.SignedIn> signedIn = sessions.find(request).flatMap(BrowserSessions.Session::signedIn);
        StringBuilder body = new StringBuilder();
        if (notice != null) {
            body.append("<div class=\"card\" id=\"notice\">").append(Html.escape(notice)).append("</div>\n");
        }
        body.append(signedIn.map(this::greeting).orElseGet(this::invitation));
        return WebReply.page(Html.page("Маркетплейс — демо-витрина", body.toString(), 0));
    }

    private String greeting(BrowserSessions.SignedIn signedIn) {
        JsonNode claims = signedIn.claims();
        StringBuilder html = new StringBuilder("<div class=\"card\">\n<h1 id=\"greeting\">Здравствуйте, ")
                .append(Html.escape(displayName(claims))).append("!</h1>\n<p>Вы вошли через Keycloak как <b>")
                .append(Html.escape(claims.path("email").asText(claims.path("preferred_username").asText())))
                .append("</b>.</p>\n<form id=\"logout-form\" method=\"post\" action=\"/logout\">"
                        + "<button class=\"button\" type=\"submit\">Выйти</button></form>\n</div>\n")
                .append("<div class=\"card\">\n<h2>Что сказано в ID-токене</h2>\n<table id=\"claims\">\n");
        claims.properties().forEach(claim -> html.append("<tr><th>").append(Html.escape(claim.getKey()))
                .append("</th><td>").append(Html.escape(claimText(claim.getKey(), claim.getValue())))
                .append("</td></tr>\n"));
        return html.append("</table>\n</div>\n").toString();
    }

    private String invitation() {
        StringBuilder html = new StringBuilder("<div class=\"card\">\n<h1>Добро пожаловать!</h1>\n"
                + "<p>Войдите, и витрина поприветствует вас по имени.</p>\n"
                + "<a id=\"login\" class=\"button\" href=\"/login\">Войти</a>\n</div>\n");
        if (hint != null) {
            html.append(hint.html());
        }
        return html.toString();
    }

    private WebReply startLogin(WebRequest request) {
        BrowserSessions.Session session = sessions.findOrCreate(request);
        PendingLogin login = PendingLogin.fresh(clock.instant());
        session.addPendingLogin(login);
        WebReply reply = WebReply.redirect(302, oidc.authorizationUrl(login));
        return session.isNew() ? reply.withHeader("Set-Cookie", BrowserSessions.cookieFor(session)) : reply;
    }

    private WebReply finishLogin(WebRequest request) {
        Map<String, String> params = request.query();
        if (params.containsKey("error")) {
            return failure(400, "Keycloak не выполнил вход: " + params.get("error")
                    + (params.containsKey("error_description") ? " — " + params.get("error_description") : ""));
        }
        Optional<BrowserSessions.Session> session = sessions.find(request);
        if (session.isEmpty()) {
            return failure(400, "Витрина не узнала ваш браузер: cookie сессии нет. Разрешите cookie для localhost "
                    + "и начните вход заново.");
        }
        Optional<PendingLogin> login = session.get()
                .takePendingLogin(params.getOrDefault("state", ""), clock.instant());
        if (login.isEmpty()) {
            return failure(400, "Этот вход начат не здесь или уже завершён (state не совпадает). Начните вход заново.");
        }
        String code = params.get("code");
        if (code == null || code.isBlank()) {
            return failure(400, "Keycloak вернул браузер без кода авторизации.");
        }
        try {
            JsonNode tokens = oidc.exchangeCode(code, login.get());
            String idToken = tokens.get("id_token").asText();
            JsonNode claims = IdTokenCheck.claims(idToken, oidc.issuer(), oidc.clientId(), login.get().nonce(),
                    clock.instant());
            session.get().signIn(idToken, claims);
        } catch (OidcClient.OidcFailure e) {
            return failure(502, e.getMessage());
        }
        return WebReply.redirect(302, "/"); // the code leaves the address bar
    }

    private WebReply logout(WebRequest request) {
        Optional<BrowserSessions.SignedIn> previous = sessions.find(request).flatMap(BrowserSessions.Session::signOut);
        return previous
                .map(signedIn -> WebReply.redirect(303,
                        oidc.endSessionUrl(signedIn.idToken(), baseUrl + "/signed-out")))
                .orElseGet(() -> WebReply.redirect(303, "/"));
    }

    private static WebReply failure(int status, String message) {
        return WebReply.error(status, Html.page("Маркетплейс — демо-витрина", "<div class=\"card\" id=\"error\">"
                + "<h1>Войти не получилось</h1><p>" + Html.escape(message) + "</p>"
                + "<a class=\"button\" href=\"/login\">Попробовать снова</a></div>", 0));
    }

    /** given_name, else name, else the username: how the shop addresses the shopper. */
    static String displayName(JsonNode claims) {
        for (String claim : new String[]{"given_name", "name", "preferred_username"}) {
            String value = claims.path(claim).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return "покупатель";
    }

    private static String claimText(String name, JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        if (TIME_CLAIMS.contains(name) && value.canConvertToLong()) {
            text += " (" + DATE_TIME.format(Instant.ofEpochSecond(value.asLong()).atZone(ZoneId.systemDefault())) + ")";
        }
        return text;
    }

    /** The origin ({@code http://localhost:8080}) of a URL, for the content security policy. */
    public static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}

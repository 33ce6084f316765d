package ru.marketplace.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import ru.marketplace.keycloak.reset.mail.MailTime;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A small storefront, the {@code storefront} client of the realm: «Войти» starts an authorization-code login with
 * PKCE, the callback exchanges the code on the server and checks the ID token, the home page greets the shopper by
 * name and lists the token's claims, «Выйти» ends the Keycloak session too.
 *
 * <p>It also lets the app's login be tried (the {@code storefront-mobile} client, theme {@code marketplace-mobile},
 * «Не помню пароль»): «Войти как в приложении» starts that client's login, and {@code /app/callback} stands in
 * for the app's {@code ru.marketplace.app:/oauth2redirect}, which a desktop browser cannot open: it trades the code
 * as the app would and says that the app would open now.
 *
 * <p>Routes: {@code GET /}, {@code GET /login}, {@code GET /register} (the login opening on the registration form),
 * {@code GET /callback}, {@code POST /logout},
 * {@code GET /signed-out}, {@code GET /app/login}, {@code GET /app/callback}.
 */
public final class Storefront implements Function<WebRequest, WebReply> {

    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "auth_time", "nbf");
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** Where the app's redirect lands in the demo, under the storefront (registered on the app's client at start). */
    public static final String APP_CALLBACK = "/app/callback";

    private final OidcClient oidc;
    private final OidcClient app;
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
        this(oidc, null, baseUrl, clock, hint);
    }

    /** @param app the app's client ({@code storefront-mobile}) redirecting to {@link #APP_CALLBACK}; {@code null}: none */
    public Storefront(OidcClient oidc, OidcClient app, String baseUrl, Clock clock, DemoHint hint) {
        this.oidc = oidc;
        this.app = app;
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
            case "GET /login" -> startLogin(request, oidc, false);
            case "GET /register" -> startLogin(request, oidc, true);
            case "GET /callback" -> finishLogin(request);
            case "GET /app/login" -> app == null ? notFound() : startLogin(request, app, false);
            case "GET " + APP_CALLBACK -> app == null ? notFound() : finishAppLogin(request);
            case "POST /logout" -> logout(request);
            default -> Set.of("/", "/login", "/register", "/callback", "/logout", "/signed-out", "/app/login", APP_CALLBACK).contains(request.path())
                    ? WebReply.error(405, Html.page("Витрина", "<p>Так сюда не заходят.</p>", 0))
                    : notFound();
        };
    }

    private static WebReply notFound() {
        return WebReply.error(404, Html.page("Витрина", "<p>Такой страницы нет. <a href=\"/\">На главную</a></p>", 0));
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
                + "<a id=\"login\" class=\"button\" href=\"/login\">Войти</a>\n"
                + "<p>Впервые у нас? <a id=\"register\" href=\"/register\">Зарегистрироваться</a>: адрес почты "
                + "подтверждается кодом из письма.</p>\n"
                + (app == null ? "" : "<p class=\"muted\">Или как покупатель в мобильном приложении (клиент "
                        + Html.escape(app.clientId()) + ", ссылка «Не помню пароль»): <a id=\"app-login\" href=\"/app/login\">"
                        + "войти как в приложении</a>.</p>\n")
                + "</div>\n");
        if (hint != null) {
            html.append(hint.html());
        }
        return html.toString();
    }

    private WebReply startLogin(WebRequest request, OidcClient client, boolean register) {
        BrowserSessions.Session session = sessions.findOrCreate(request);
        PendingLogin login = PendingLogin.fresh(clock.instant());
        session.addPendingLogin(login);
        WebReply reply = WebReply.redirect(302, register ? client.registrationUrl(login) : client.authorizationUrl(login));
        return session.isNew() ? reply.withHeader("Set-Cookie", BrowserSessions.cookieFor(session)) : reply;
    }

    private WebReply finishLogin(WebRequest request) {
        return completeLogin(request, oidc, (session, signedIn) -> {
            session.signIn(signedIn.idToken(), signedIn.claims());
            return WebReply.redirect(302, "/"); // the code leaves the address bar
        });
    }

    /** What the app would do on its redirect: trade the code, then open. The storefront's own session is left alone. */
    private WebReply finishAppLogin(WebRequest request) {
        return completeLogin(request, app, (session, signedIn) -> WebReply.page(Html.page("Маркетплейс — приложение",
                "<div class=\"card\" id=\"app-opened\">\n<h1>Сейчас открылось бы приложение</h1>\n"
                        + "<p>Keycloak вернул браузер с кодом авторизации для клиента <b>" + Html.escape(app.clientId())
                        + "</b>, и код обменян на токены, как это сделало бы приложение: вход выполнен как <b>"
                        + Html.escape(signedIn.claims().path("email").asText()) + "</b>.</p>\n"
                        + "<p class=\"muted\">На телефоне этот адрес — ru.marketplace.app:/oauth2redirect — открывает "
                        + "приложение маркетплейса; настольный браузер такую схему не откроет, поэтому в демо её заменяет "
                        + "эта страница.</p>\n<a class=\"button\" href=\"/\">На витрину</a>\n</div>\n", 0)));
    }

    /** The ID token of a finished login and the claims checked in it. */
    private record FinishedLogin(String idToken, JsonNode claims) {
    }

    private WebReply completeLogin(WebRequest request, OidcClient client,
                                   java.util.function.BiFunction<BrowserSessions.Session, FinishedLogin, WebReply> then) {
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
        FinishedLogin finished;
        try {
            JsonNode tokens = client.exchangeCode(code, login.get());
            String idToken = tokens.get("id_token").asText();
            finished = new FinishedLogin(idToken, IdTokenCheck.claims(idToken, client.issuer(), client.clientId(),
                    login.get().nonce(), clock.instant()));
        } catch (OidcClient.OidcFailure e) {
            return failure(502, e.getMessage());
        }
        return then.apply(session.get(), finished);
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

    /** A time claim also as a date in the storefront clock's zone, worded as the reset's mails word theirs. */
    String claimText(String name, JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        if (TIME_CLAIMS.contains(name) && value.canConvertToLong()) {
            text += " — " + MailTime.describe(Instant.ofEpochSecond(value.asLong()), clock.getZone(), RUSSIAN);
        }
        return text;
    }

    /** The origin ({@code http://localhost:8080}) of a URL, for the content security policy. */
    public static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}

package ru.marketplace.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * A person with a browser that runs no JavaScript, walking Keycloak's login pages: it opens URLs, follows
 * links, fills and submits forms, keeps its own cookies, and follows redirects itself while they stay on
 * Keycloak. A redirect that leaves Keycloak, or goes to the redirect URI of a login this shopper started, is
 * where the walk ends: that response is returned as the {@link Page} and never fetched.
 *
 * <p>One instance is one browser (one cookie jar). Not thread-safe: one test thread drives it.
 */
public final class Shopper {

    private static final int MAX_REDIRECTS = 20;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final String USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) marketplace-it-Shopper/1.0 (no JavaScript)";

    private final URI keycloak;
    private final HttpClient http;
    private final CookieJar cookies = new CookieJar();
    /** Logins started by this shopper, by {@code state}: the PKCE verifier is needed for the code exchange. */
    private final Map<String, AuthorizationRequest> pendingLogins = new LinkedHashMap<>();
    private String acceptLanguage;
    private final java.util.Map<String, String> extraHeaders = new java.util.concurrent.ConcurrentHashMap<>();

    /** What {@link #startLogin} sent, kept for the code exchange. */
    public record AuthorizationRequest(String realm, String clientId, String redirectUri, String state,
                                       String nonce, String codeVerifier) {
    }

    /** @param keycloakBaseUrl e.g. {@code http://127.0.0.1:38121}: redirects are followed only within it */
    public Shopper(String keycloakBaseUrl) {
        this.keycloak = URI.create(keycloakBaseUrl.replaceAll("/+$", ""));
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static Shopper at(KeycloakServer keycloak) {
        return new Shopper(keycloak.baseUrl());
    }

    public CookieJar cookies() {
        return cookies;
    }

    /** Sends {@code Accept-Language} from now on (e.g. "ru-RU,ru;q=0.9"); {@code null} to stop sending it. */
    /** Sends {@code name: value} with every later request, e.g. a forged X-Forwarded-For in an attack test. */
    public Shopper header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Shopper acceptLanguage(String languages) {
        this.acceptLanguage = languages;
        return this;
    }

    /** Copies every cookie of {@code other} into this browser: "the same cookie in two browsers". */
    public void copyCookiesFrom(Shopper other) {
        other.cookies.all().forEach(cookies::put);
    }

    // --- navigation --------------------------------------------------------------------------------------------

    public Page open(String url) {
        return navigate("GET", resolve(url), null);
    }

    /** Starts an authorization-code login with PKCE S256, a fresh state and nonce; returns the login page. */
    public Page startLogin(String realm, String clientId, String redirectUri) {
        return startLogin(realm, clientId, redirectUri, Map.of());
    }

    /** As {@link #startLogin(String, String, String)}, with extra parameters such as {@code ui_locales}. */
    public Page startLogin(String realm, String clientId, String redirectUri, Map<String, String> extraParams) {
        String verifier = Pkce.randomToken();
        AuthorizationRequest login = new AuthorizationRequest(realm, clientId, redirectUri,
                Pkce.randomToken(), Pkce.randomToken(), verifier);
        pendingLogins.put(login.state(), login);
        Map<String, String> params = Pkce.authorizationParams(clientId, redirectUri, "openid",
                login.state(), login.nonce(), verifier);
        params.putAll(extraParams);
        return open(realmUrl(realm) + "/protocol/openid-connect/auth?" + Urls.form(params));
    }

    /** The most recent login this shopper started, if any. */
    public Optional<AuthorizationRequest> lastLogin() {
        return pendingLogins.values().stream().reduce((first, second) -> second);
    }

    /**
     * Clicks a link: {@code target} is a CSS selector (e.g. {@code #reset-password-link}, {@code a[href*=reset]})
     * or else the link's visible text (exact, then contained, ignoring case).
     */
    public Page followLink(Page page, String target) {
        Element link = findLink(page, target);
        return open(link.absUrl("href"));
    }

    // --- forms -------------------------------------------------------------------------------------------------

    /**
     * Submits the form as a browser does when Enter is pressed: every control's current value (hidden fields
     * included), {@code fields} overriding or adding values, plus the form's first submit button if it is named.
     */
    public Page submit(Page page, String formSelector, Map<String, String> fields) {
        HtmlForm form = new HtmlForm(page.form(formSelector), page.uri());
        List<Map.Entry<String, String>> values = merge(form.controlValues(), fields);
        form.defaultButton().ifPresent(values::add);
        return send(form, Urls.pairs(values));
    }

    /**
     * Submits the form by clicking a particular button: {@code clickedButton} is the button's name (its value is
     * read from the page) or an explicit {@code name=value}, which need not exist on the page.
     */
    public Page submit(Page page, String formSelector, Map<String, String> fields, String clickedButton) {
        HtmlForm form = new HtmlForm(page.form(formSelector), page.uri());
        List<Map.Entry<String, String>> values = merge(form.controlValues(), fields);
        int eq = clickedButton.indexOf('=');
        values.add(eq < 0 ? form.button(clickedButton)
                : Map.entry(clickedButton.substring(0, eq), clickedButton.substring(eq + 1)));
        return send(form, Urls.pairs(values));
    }

    /**
     * Submits the form with parameters that may repeat: the form's own values for names not in {@code pairs},
     * then {@code pairs} in order (e.g. {@code code=111111} twice). No button is added.
     */
    public Page submitPairs(Page page, String formSelector, List<Map.Entry<String, String>> pairs) {
        HtmlForm form = new HtmlForm(page.form(formSelector), page.uri());
        List<Map.Entry<String, String>> values = new ArrayList<>();
        Set<String> overridden = new HashSet<>();
        pairs.forEach(pair -> overridden.add(pair.getKey()));
        form.controlValues().stream().filter(v -> !overridden.contains(v.getKey())).forEach(values::add);
        values.addAll(pairs);
        return send(form, Urls.pairs(values));
    }

    /** Posts {@code rawBody} as-is (form-urlencoded content type) to the form's action: for malformed input. */
    public Page submitRaw(Page page, String formSelector, String rawBody) {
        HtmlForm form = new HtmlForm(page.form(formSelector), page.uri());
        return navigate("POST", form.action(), rawBody);
    }

    /** Posts {@code rawBody} (form-urlencoded content type) to any URL, e.g. a form action kept from earlier. */
    public Page post(String url, String rawBody) {
        return navigate("POST", resolve(url), rawBody);
    }

    // --- the end of a login ------------------------------------------------------------------------------------

    /**
     * Exchanges the code in the redirect for tokens, for a public client; fails when the redirect carries an
     * error, the state is not one this shopper sent, or the token endpoint refuses.
     */
    public TokenResponse exchangeCode(Page redirectToClient, String realm, String clientId, String redirectUri) {
        TokenResponse tokens = tryExchangeCode(redirectToClient, realm, clientId, redirectUri, null);
        if (!tokens.isSuccess()) {
            throw new IllegalStateException("The token endpoint refused the code: " + tokens);
        }
        return tokens;
    }

    /**
     * As {@link #exchangeCode} but returns the token endpoint's refusal instead of throwing (e.g. for a code used
     * twice); {@code clientSecret} for confidential clients, else {@code null}.
     */
    public TokenResponse tryExchangeCode(Page redirectToClient, String realm, String clientId, String redirectUri,
                                         String clientSecret) {
        if (!redirectToClient.isRedirect()) {
            throw new IllegalStateException("Expected the redirect back to the client, got " + redirectToClient
                    + (redirectToClient.errorText().isEmpty() ? "" : " showing: " + redirectToClient.errorText()));
        }
        Map<String, String> params = redirectToClient.locationParams();
        if (params.containsKey("error")) {
            throw new IllegalStateException("Keycloak redirected with error=" + params.get("error")
                    + " error_description=" + params.get("error_description"));
        }
        String code = params.get("code");
        if (code == null) {
            throw new IllegalStateException("No code in the redirect " + redirectToClient.location());
        }
        AuthorizationRequest login = pendingLogins.get(params.getOrDefault("state", ""));
        if (login == null) {
            throw new IllegalStateException("The redirect's state '" + params.get("state")
                    + "' is not one this shopper sent: " + redirectToClient.location());
        }

        Map<String, String> form = Pkce.tokenRequestParams(code, redirectUri, clientId, login.codeVerifier());
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        // the back channel: the client's server calls it, so no browser cookies go with it
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl(realm) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Urls.form(form)))
                .build();
        HttpResponse<byte[]> response = exchange(request);
        return new TokenResponse(response.statusCode(),
                Json.parseLenient(new String(response.body(), StandardCharsets.UTF_8)));
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    private Page send(HtmlForm form, String encodedBody) {
        if (form.method().equals("GET")) {
            String action = Urls.withoutQuery(form.action());
            return navigate("GET", URI.create(action + (encodedBody.isEmpty() ? "" : "?" + encodedBody)), null);
        }
        return navigate("POST", form.action(), encodedBody);
    }

    /** Requests {@code uri}, then follows redirects while they stay on Keycloak and are not a login's end. */
    private Page navigate(String method, URI uri, String body) {
        String currentMethod = method;
        URI current = uri;
        String currentBody = body;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Page page = fetch(currentMethod, current, currentBody);
            if (!REDIRECTS.contains(page.status()) || page.location() == null) {
                return page;
            }
            URI next = page.locationUri();
            if (!isKeycloak(next) || isLoginEnd(next)) {
                return page;
            }
            if (page.status() != 307 && page.status() != 308) {
                currentMethod = "GET"; // what browsers do for 301/302/303
                currentBody = null;
            }
            current = next;
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects starting at " + method + " " + uri);
    }

    private Page fetch(String method, URI uri, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        extraHeaders.forEach(request::header);
        cookies.headerFor(uri).ifPresent(cookie -> request.header("Cookie", cookie));
        if (body != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", Urls.origin(uri).replaceFirst(":80$", ""))
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = exchange(request.build());
        cookies.store(uri, response.headers().allValues("Set-Cookie"));
        String text = new String(response.body(), charsetOf(response));
        return new Page(response.statusCode(), uri, response.headers(), text);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static Charset charsetOf(HttpResponse<?> response) {
        Matcher m = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
        try {
            return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unknownCharset) {
            return StandardCharsets.UTF_8;
        }
    }

    private boolean isKeycloak(URI target) {
        return target.getScheme() != null && Urls.origin(target).equals(Urls.origin(keycloak));
    }

    /** A redirect to the registered redirect URI of a login we started is the answer to the client, not a page. */
    private boolean isLoginEnd(URI target) {
        String withoutQuery = Urls.withoutQuery(target);
        return pendingLogins.values().stream().anyMatch(login -> login.redirectUri().equals(withoutQuery));
    }

    private URI resolve(String url) {
        return keycloak.resolve(url);
    }

    private String realmUrl(String realm) {
        return keycloak + "/realms/" + Urls.segment(realm);
    }

    private static Element findLink(Page page, String target) {
        Elements bySelector;
        try {
            bySelector = page.document().select(target);
        } catch (Selector.SelectorParseException notASelector) {
            bySelector = new Elements();
        }
        for (Element element : bySelector) {
            Element link = element.hasAttr("href") ? element : element.selectFirst("a[href]");
            if (link != null) {
                return link;
            }
        }
        Elements links = page.document().select("a[href]");
        String wanted = target.trim();
        return links.stream().filter(a -> a.text().trim().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> links.stream().filter(a -> a.text().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT))).findFirst())
                .orElseThrow(() -> new IllegalStateException("No link '" + target + "' on " + page
                        + "; links: " + page.links()));
    }

    private static List<Map.Entry<String, String>> merge(List<Map.Entry<String, String>> formValues,
                                                        Map<String, String> fields) {
        List<Map.Entry<String, String>> merged = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Map.Entry<String, String> value : formValues) {
            String name = value.getKey();
            if (!fields.containsKey(name)) {
                merged.add(value);
            } else if (placed.add(name)) {
                merged.add(Map.entry(name, Objects.toString(fields.get(name), ""))); // where the field is on the page, once
            }
        }
        fields.forEach((name, value) -> {
            if (!placed.contains(name)) {
                merged.add(Map.entry(name, Objects.toString(value, ""))); // not on the page: sent anyway, as a crafted request would
            }
        });
        return merged;
    }
}

package ru.marketplace.keycloak.harness;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One HTTP response as the {@link Shopper} ended on it: a rendered page, or a redirect it did not follow
 * (one that leaves Keycloak, e.g. back to the storefront with {@code ?code=...}).
 */
public final class Page {

    /**
     * Where Keycloak's login themes put error messages: field errors ({@code id="input-error-<field>"}),
     * the danger alert above the form, the error page's message, and the classic theme's alert.
     */
    private static final String ERROR_SELECTORS = String.join(", ",
            "[id^=input-error]", ".pf-v5-c-alert.pf-m-danger", ".pf-c-alert.pf-m-danger", ".alert-error",
            "#kc-error-message .instruction", ".pf-v5-c-helper-text__item.pf-m-error");

    /** Any message Keycloak shows above the form (success, info, warning or error). */
    private static final String ALERT_SELECTORS = ".pf-v5-c-alert, .pf-c-alert, .alert, #kc-error-message .instruction";

    private static final Pattern TEMPLATE_COMMENT = Pattern.compile("template:\\s*([\\w.-]+\\.ftl)");

    private final int status;
    private final URI uri;
    private final HttpHeaders headers;
    private final String body;
    private Document document;

    Page(int status, URI uri, HttpHeaders headers, String body) {
        this.status = status;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The URI this response came from (after the redirects the Shopper followed). */
    public URI uri() {
        return uri;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    /** The body parsed as HTML, with {@link #uri()} as base URI (so {@code absUrl} works). */
    public synchronized Document document() {
        if (document == null) {
            document = Jsoup.parse(body, uri.toString());
        }
        return document;
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400 && headers.firstValue("Location").isPresent();
    }

    /** The {@code Location} header as sent, or {@code null} when this is not a redirect. */
    public String location() {
        return headers.firstValue("Location").orElse(null);
    }

    /** {@link #location()} resolved against {@link #uri()}. */
    public URI locationUri() {
        String location = location();
        if (location == null) {
            throw new IllegalStateException("Not a redirect: " + this);
        }
        return uri.resolve(location);
    }

    /**
     * Parameters of the redirect target: its query, or its fragment when the query is empty
     * ({@code response_mode=fragment}). E.g. {@code code}, {@code state}, {@code error}.
     */
    public Map<String, String> locationParams() {
        URI target = locationUri();
        Map<String, String> params = Urls.queryParams(target);
        if (params.isEmpty() && target.getRawFragment() != null) {
            Urls.parsePairs(target.getRawFragment()).forEach(pair -> params.putIfAbsent(pair.getKey(), pair.getValue()));
        }
        return params;
    }

    public String title() {
        return document().title();
    }

    /** The visible text of the whole page, whitespace normalised. */
    public String text() {
        return document().body() == null ? "" : document().body().text();
    }

    /** The page heading ({@code #kc-page-title} in Keycloak's themes), or the first {@code h1}. */
    public String heading() {
        Element heading = document().selectFirst("#kc-page-title");
        if (heading == null) {
            heading = document().selectFirst("h1");
        }
        return heading == null ? "" : heading.text();
    }

    /** {@code data-page-id} of the body in keycloak.v2 (e.g. {@code login-login}), or "". */
    public String pageId() {
        return document().body() == null ? "" : document().body().attr("data-page-id");
    }

    /**
     * The FreeMarker template that rendered the page ({@code login.ftl}, {@code error.ftl}, ...), read from the
     * {@code <!-- template: x.ftl -->} comment Keycloak's templates emit; "" if there is none.
     */
    public String templateName() {
        for (Element element : document().getAllElements()) {
            for (var node : element.childNodes()) {
                if (node instanceof Comment comment) {
                    Matcher m = TEMPLATE_COMMENT.matcher(comment.getData());
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
        }
        return "";
    }

    public boolean hasElement(String cssSelector) {
        return document().selectFirst(cssSelector) != null;
    }

    public Elements select(String cssSelector) {
        return document().select(cssSelector);
    }

    /** The absolute action URL of the form matched by {@code formSelector}. */
    public String formAction(String formSelector) {
        return new HtmlForm(form(formSelector), uri).action().toString();
    }

    /** The value the page pre-filled for the named field (e.g. the username after a failed login), if any. */
    public Optional<String> fieldValue(String name) {
        return Optional.ofNullable(document().selectFirst("[name=" + cssQuote(name) + "]")).map(Element::val);
    }

    /**
     * The text of every error area on the page (field errors, danger alerts, the error page's message), joined
     * with newlines, each text once; "" when the page shows no error.
     */
    public String errorText() {
        return joinedTexts(ERROR_SELECTORS);
    }

    /** The text of the message areas of any kind, e.g. "You should receive an email shortly..."; "" if none. */
    public String messageText() {
        return joinedTexts(ALERT_SELECTORS);
    }

    /** Links on the page as "text → href", for failure messages. */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        for (Element a : document().select("a[href]")) {
            links.add("'" + a.text() + "' → " + a.attr("href"));
        }
        return links;
    }

    /** The form element itself; fails listing the page's forms when nothing matches. */
    Element form(String formSelector) {
        Element element = document().selectFirst(formSelector);
        if (element != null && !element.tagName().equals("form")) {
            element = element.closest("form");
        }
        if (element == null) {
            String forms = document().select("form").stream()
                    .map(f -> "<form id='" + f.id() + "' action='" + f.attr("action") + "'>")
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("No form matches '" + formSelector + "' on " + this
                    + "; forms on the page: [" + forms + "]");
        }
        return element;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Page[").append(status).append(' ').append(uri);
        if (isRedirect()) {
            sb.append(" → ").append(location());
        } else {
            sb.append(" title='").append(title()).append('\'');
            String template = templateName();
            if (!template.isEmpty()) {
                sb.append(" template=").append(template);
            }
            String error = errorText();
            if (!error.isEmpty()) {
                sb.append(" error='").append(error).append('\'');
            }
        }
        return sb.append(']').toString();
    }

    private String joinedTexts(String selectors) {
        Elements found = document().select(selectors);
        Set<String> texts = new LinkedHashSet<>();
        for (Element element : found) {
            // the outermost match carries the text once; nested matches would repeat it
            boolean nested = element.parents().stream().anyMatch(found::contains);
            String text = element.text().trim();
            if (!nested && !text.isEmpty()) {
                texts.add(text);
            }
        }
        return String.join("\n", texts);
    }

    private static String cssQuote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

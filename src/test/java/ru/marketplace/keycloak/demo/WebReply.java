package ru.marketplace.keycloak.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a demo page answers: a status, extra headers ({@code Location}, {@code Set-Cookie}) and an HTML body.
 *
 * @param headers name/value pairs; a name may repeat ({@code Set-Cookie})
 */
public record WebReply(int status, List<Map.Entry<String, String>> headers, String html) {

    public WebReply {
        headers = List.copyOf(headers);
    }

    public static WebReply page(String html) {
        return new WebReply(200, List.of(), html);
    }

    public static WebReply error(int status, String html) {
        return new WebReply(status, List.of(), html);
    }

    /** 302 for a GET, 303 after a POST: the browser then GETs {@code location}. */
    public static WebReply redirect(int status, String location) {
        return new WebReply(status, List.of(Map.entry("Location", location)), "");
    }

    public WebReply withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new WebReply(status, more, html);
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}

package ru.marketplace.keycloak.harness;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a browser would send for a {@code <form>}: its successful controls, in document order. */
final class HtmlForm {

    private static final Set<String> NOT_SENT_INPUTS = Set.of("submit", "image", "reset", "button", "file");

    private final Element form;
    private final URI pageUri;

    HtmlForm(Element form, URI pageUri) {
        this.form = form;
        this.pageUri = pageUri;
    }

    /** The {@code action} resolved against the page, or the page itself when the form has none. */
    URI action() {
        String action = form.attr("action");
        return action.isBlank() ? pageUri : pageUri.resolve(action.trim());
    }

    String method() {
        return form.attr("method").isBlank() ? "GET" : form.attr("method").trim().toUpperCase(Locale.ROOT);
    }

    /** Inputs, selects and textareas that are enabled, named and (for checkboxes and radios) checked. */
    List<Map.Entry<String, String>> controlValues() {
        List<Map.Entry<String, String>> values = new ArrayList<>();
        for (Element control : controls()) {
            String name = control.attr("name");
            if (name.isEmpty() || control.hasAttr("disabled")) {
                continue;
            }
            switch (control.tagName()) {
                case "input" -> {
                    String type = control.attr("type").toLowerCase(Locale.ROOT);
                    if (NOT_SENT_INPUTS.contains(type)) {
                        continue;
                    }
                    if ((type.equals("checkbox") || type.equals("radio"))) {
                        if (control.hasAttr("checked")) {
                            values.add(Map.entry(name, control.hasAttr("value") ? control.attr("value") : "on"));
                        }
                    } else {
                        values.add(Map.entry(name, control.attr("value")));
                    }
                }
                case "textarea" -> values.add(Map.entry(name, control.wholeText()));
                case "select" -> selectedOptions(control).forEach(v -> values.add(Map.entry(name, v)));
                default -> {
                    // buttons are sent only when clicked: see defaultButton / button
                }
            }
        }
        return values;
    }

    /**
     * The button a browser "clicks" when Enter is pressed in a field (HTML's implicit submission): the first
     * submit button of the form. Only a named button contributes a parameter.
     */
    Optional<Map.Entry<String, String>> defaultButton() {
        return submitButtons().stream().findFirst()
                .filter(b -> !b.attr("name").isEmpty())
                .map(b -> Map.entry(b.attr("name"), b.attr("value")));
    }

    /** The submit button called {@code name}, with the value it carries. */
    Map.Entry<String, String> button(String name) {
        return submitButtons().stream()
                .filter(b -> b.attr("name").equals(name))
                .findFirst()
                .map(b -> Map.entry(name, b.attr("value")))
                .orElseThrow(() -> new IllegalArgumentException("No submit button named '" + name + "' in the form; "
                        + "its buttons: " + submitButtons().stream().map(Element::outerHtml).toList()));
    }

    private List<Element> submitButtons() {
        List<Element> buttons = new ArrayList<>();
        for (Element control : controls()) {
            String type = control.attr("type").toLowerCase(Locale.ROOT);
            boolean submits = control.tagName().equals("button") ? (type.isEmpty() || type.equals("submit"))
                    : control.tagName().equals("input") && (type.equals("submit") || type.equals("image"));
            if (submits && !control.hasAttr("disabled")) {
                buttons.add(control);
            }
        }
        return buttons;
    }

    /** Controls inside the form plus those outside that point to it with {@code form="id"}. */
    private Elements controls() {
        Elements controls = form.select("input, select, textarea, button");
        String id = form.id();
        if (!id.isEmpty() && form.ownerDocument() != null) {
            for (Element outside : form.ownerDocument().select("[form]")) {
                if (outside.attr("form").equals(id) && !controls.contains(outside)) {
                    controls.add(outside);
                }
            }
        }
        return controls;
    }

    private static List<String> selectedOptions(Element select) {
        Elements options = select.select("option");
        List<String> chosen = new ArrayList<>();
        for (Element option : options) {
            if (option.hasAttr("selected") && !option.hasAttr("disabled")) {
                chosen.add(optionValue(option));
            }
        }
        if (chosen.isEmpty() && !select.hasAttr("multiple") && !options.isEmpty()) {
            chosen.add(optionValue(options.first()));
        }
        return chosen;
    }

    private static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.text();
    }
}

package ru.marketplace.keycloak.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The one Jackson mapper of the harness, and the few conversions it needs. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Parsed JSON, or {@link MissingNode} when the text is empty or not JSON (e.g. an HTML error page). */
    static JsonNode parseLenient(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** A JSON document from a {@link JsonNode}, a string that already is JSON, or any object Jackson can write. */
    static String write(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + body, e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}

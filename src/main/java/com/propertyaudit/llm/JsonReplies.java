package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading provider bodies: a 2xx that is not a JSON object is unreadable; error envelopes may not be JSON. */
final class JsonReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReplies() {}

    /** The body as a JSON object, or an UNREADABLE failure that keeps the body. */
    static JsonNode object(String provider, String rawRequest, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw unreadable(provider, rawRequest, body, e);
        }
        if (root == null || !root.isObject()) throw unreadable(provider, rawRequest, body, null);
        return root;
    }

    /** The {@code error} object of an error body; a missing node when the body is not JSON. */
    static JsonNode errorObject(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n == null ? JSON.missingNode() : n.path("error");
        } catch (Exception notJson) {
            return JSON.missingNode();
        }
    }

    /** A top-level text field of a JSON object we built ourselves, or "?" when it has none. */
    static String textField(String json, String field) {
        try {
            JsonNode n = json == null ? null : JSON.readTree(json);
            return n != null && n.path(field).isTextual() ? n.path(field).asText() : "?";
        } catch (Exception notJson) {
            return "?";
        }
    }

    private static LlmException unreadable(String provider, String raw, String body, Exception cause) {
        return new LlmException(LlmException.Kind.UNREADABLE, provider + " sent an unreadable response (not the"
                + " expected JSON); it is kept with the answer.", 200, raw, body, cause);
    }
}

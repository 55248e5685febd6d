package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The ids of a model list ({@code {"data": [{"id": …}, …]}}, as OpenAI, Anthropic and local servers send it). */
final class ModelList {

    private ModelList() {}

    static List<String> ids(String provider, JsonNode root) {
        if (!root.path("data").isArray()) {
            throw new LlmException(LlmException.Kind.UNREADABLE, provider + " sent a model list without a data"
                    + " array.", 200, null, root.toString(), null);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode m : root.path("data")) {
            if (m.path("id").isTextual()) ids.add(m.path("id").asText());
        }
        return ids;
    }
}

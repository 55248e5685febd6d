package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Chat Completions request body OpenAI, Perplexity and OpenAI-compatible local servers share,
 * with structured output as {@code response_format: {type: json_schema, json_schema: {name, strict, schema}}}
 * when the request carries a schema (the reply's message content is then the JSON object).
 */
final class ChatRequest {

    private ChatRequest() {}

    /**
     * @param tokenField the field that bounds the answer's length: {@code max_completion_tokens} for
     *                   OpenAI's reasoning models, {@code max_tokens} everywhere else
     */
    static ObjectNode body(LlmRequest r, String tokenField) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", r.surface().model());
        var messages = body.putArray("messages");
        if (r.system() != null) messages.addObject().put("role", "system").put("content", r.system());
        messages.addObject().put("role", "user").put("content", r.prompt());
        body.put(tokenField, r.maxOutputTokens());
        if (r.schema() != null) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", r.schema().name()).put("strict", true)
                    .set("schema", r.schema().schema());
        }
        return body;
    }
}

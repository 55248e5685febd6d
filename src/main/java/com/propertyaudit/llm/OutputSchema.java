package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A JSON schema the reply must follow (structured output), sent the way each provider takes one:
 * OpenAI {@code response_format} / {@code text.format}, Anthropic a forced tool, Gemini
 * {@code responseJsonSchema}, local servers {@code response_format}. The reply's text is then the JSON.
 *
 * @param name   a short identifier, letters, digits, '_' and '-' (providers use it as the schema's or tool's name)
 * @param schema the JSON Schema of the reply object
 */
public record OutputSchema(String name, ObjectNode schema) {

    public OutputSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) throw new IllegalArgumentException("Schema name: " + name);
    }
}

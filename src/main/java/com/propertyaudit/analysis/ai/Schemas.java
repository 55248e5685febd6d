package com.propertyaudit.analysis.ai;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * JSON Schema pieces in the subset every provider's strict mode takes: every property required,
 * no additional properties, enums for closed sets.
 */
final class Schemas {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Schemas() {}

    /** An object whose properties are all required. */
    static ObjectNode object(ObjectNode properties) {
        ObjectNode o = NODES.objectNode().put("type", "object");
        o.set("properties", properties);
        var required = o.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        o.put("additionalProperties", false);
        return o;
    }

    static ObjectNode string() {
        return NODES.objectNode().put("type", "string");
    }

    static ObjectNode stringEnum(Collection<String> values) {
        ObjectNode s = string();
        values.forEach(s.putArray("enum")::add);
        return s;
    }

    static ObjectNode integerEnum(Collection<Integer> values) {
        ObjectNode s = NODES.objectNode().put("type", "integer");
        values.forEach(s.putArray("enum")::add);
        return s;
    }

    static ObjectNode integer() {
        return NODES.objectNode().put("type", "integer");
    }

    static ObjectNode array(ObjectNode items) {
        ObjectNode a = NODES.objectNode().put("type", "array");
        a.set("items", items);
        return a;
    }
}

package com.propertyaudit.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.EntityRank;

/** The result line of the {@code score} command (score-cli.md), as a Jackson tree. */
public final class ScoreJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScoreJson() {}

    /** Fields in the contract's order: id, brand, competitors, citedDomains, score. */
    public static ObjectNode toResultLine(String id, AnswerScore s) {
        ObjectNode line = NODES.objectNode();
        line.put("id", id);
        ObjectNode brand = line.putObject("brand");
        brand.put("mentioned", s.brandMentioned());
        if (s.brandRank() == null) {
            brand.putNull("rank");
        } else {
            brand.put("rank", s.brandRank().intValue());
        }
        brand.put("cited", s.brandCited());
        ArrayNode competitors = line.putArray("competitors");
        for (EntityRank competitor : s.competitors()) {
            competitors.addObject().put("name", competitor.name()).put("rank", competitor.rank());
        }
        ArrayNode domains = line.putArray("citedDomains");
        s.citedDomains().forEach(domains::add);
        line.put("score", s.score());
        return line;
    }
}

package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertyaudit.domain.AnswerOutcome;
import java.util.regex.Pattern;

/**
 * The first choice of a Chat Completions reply, as OpenAI, Perplexity and OpenAI-compatible local
 * servers send it, read into an outcome: cut off at the token limit, refused (a refusal or a content
 * filter), empty, or completed. Thinking text is not the answer: a {@code reasoning} or
 * {@code reasoning_content} field is ignored and {@code <think>…</think>} blocks are removed.
 */
record ChatReply(AnswerOutcome outcome, String text, String finishReason, String note) {

    private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?(</think>|$)");

    static ChatReply read(JsonNode root) {
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        String raw = message.path("content").isTextual() ? message.path("content").asText() : "";
        boolean thinking = raw.contains("<think>");
        String text = thinking ? THINKING.matcher(raw).replaceAll("").strip() : raw;
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null;
        String refusal = message.path("refusal").isTextual() ? message.path("refusal").asText() : null;
        if ("length".equals(finish)) {
            return new ChatReply(AnswerOutcome.TRUNCATED, text, finish, text.isEmpty()
                    ? "Cut off at the token limit before any text (finish_reason length; reasoning tokens count towards"
                            + " the limit)." : "Cut off at the token limit (finish_reason length).");
        }
        if (refusal != null) {
            return new ChatReply(AnswerOutcome.REFUSED, text.isEmpty() ? refusal : text, finish,
                    "The model refused: " + refusal);
        }
        if ("content_filter".equals(finish)) {
            return new ChatReply(AnswerOutcome.REFUSED, text, finish,
                    "The provider's content filter withheld the answer (finish_reason content_filter).");
        }
        if (text.isBlank()) {
            return new ChatReply(AnswerOutcome.EMPTY, text, finish, choice.isMissingNode()
                    ? "The response had no choices." : "The model returned no answer text (finish_reason " + finish
                            + (thinking ? "; only thinking text)." : ")."));
        }
        return new ChatReply(AnswerOutcome.COMPLETED, text, finish, thinking
                ? "Thinking text (<think>) was left out of the answer." : null);
    }
}

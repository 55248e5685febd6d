package com.propertyaudit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Models that exist: the provider's list decides, and a retirement near or past is said. */
class ModelCatalogTest {

    static LlmClient listing(CompletableFuture<List<String>> models) {
        return new LlmClient() {
            @Override
            public CompletableFuture<LlmResponse> ask(LlmRequest request) {
                throw new AssertionError("no question is asked while checking models");
            }

            @Override
            public CompletableFuture<List<String>> models() {
                return models;
            }
        };
    }

    @Test
    void aModelMissingFromTheProvidersListIsNamedWithTheChoices() {
        ModelCatalog catalog = new ModelCatalog(p -> listing(CompletableFuture.completedFuture(
                List.of("claude-sonnet-4-6", "claude-haiku-4-5-20251001"))));
        List<String> problems = catalog.unavailable(List.of(Surface.parse("anthropic:claude-sonnet-4-5+web"),
                Surface.parse("anthropic:claude-sonnet-4-6")), Duration.ofSeconds(1));
        assertThat(problems).singleElement().asString().contains("'claude-sonnet-4-5'")
                .contains("claude-haiku-4-5-20251001, claude-sonnet-4-6");
    }

    @Test
    void aListThatCannotBeReadLeavesTheCheckToTheRun() {
        ModelCatalog catalog = new ModelCatalog(p -> listing(CompletableFuture.failedFuture(
                new LlmException(LlmException.Kind.BAD_REQUEST, "404"))));
        assertThat(catalog.unavailable(List.of(Surface.parse("openai:gpt-5")), Duration.ofSeconds(1))).isEmpty();
        ModelCatalog slow = new ModelCatalog(p -> listing(new CompletableFuture<>()));
        assertThat(slow.offered(Provider.OPENAI, Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void aRetirementIsWarnedBeforeAndAfterItsDate() {
        Surface old = Surface.parse("anthropic:claude-sonnet-4-5+web");
        assertThat(ModelRetirements.warning(old, LocalDate.of(2026, 12, 2))).get().asString()
                .contains("was retired on 2026-11-30").contains("claude-sonnet-4-6");
        assertThat(ModelRetirements.warning(old, LocalDate.of(2026, 11, 1))).get().asString()
                .contains("is retired on 2026-11-30");
        assertThat(ModelRetirements.warning(old, LocalDate.of(2026, 8, 1))).isEmpty();
        assertThat(ModelRetirements.warning(Surface.parse("anthropic:claude-sonnet-4-6"), LocalDate.of(2026, 12, 2)))
                .isEmpty();
    }
}

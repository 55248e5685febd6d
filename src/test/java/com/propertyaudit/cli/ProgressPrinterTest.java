package com.propertyaudit.cli;

import com.propertyaudit.domain.AnswerOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.pacing.PacingState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Progress on standard error: plain lines in a pipe, a live bar per surface on a terminal. */
class ProgressPrinterTest {

    final UUID batch = UUID.randomUUID();
    final UUID openAiRun = UUID.randomUUID();
    final Surface gpt = Surface.parse("openai:gpt-5");

    EngineEvent.QueryFinished finished(int done) {
        return new EngineEvent.QueryFinished(batch, openAiRun, gpt, 2, 1, 2100, AnswerOutcome.COMPLETED, true, 2, 65.0, null, done, 18);
    }

    @Test
    void inAPipeEveryAnswerIsAPlainLine() {
        StringWriter out = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(out, true), false, 100);
        p.accept(finished(3));
        assertThat(out.toString()).isEqualTo("[OpenAI gpt-5] query 3/18 done in 2.1 s - brand named, rank 2"
                + System.lineSeparator());
    }

    @Test
    void onATerminalTheBarsAreRedrawnInPlaceAndMessagesGoAbove() {
        StringWriter out = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(out, true), true, 100);
        p.accept(finished(9));
        assertThat(out.toString()).isEqualTo("\r\u001b[KOpenAI gpt-5 [##########..........] 9/18");
        p.accept(new EngineEvent.RunFinished(batch, openAiRun, gpt, RunStatus.COMPLETED, 61.5, 18, 0, null));
        assertThat(out.toString()).endsWith("\r\u001b[K[OpenAI gpt-5] run completed, visibility score 61.5\n"
                + "\r\u001b[KOpenAI gpt-5 [##########..........] 9/18");
        p.accept(new EngineEvent.BatchFinished(batch, com.propertyaudit.domain.BatchStatus.COMPLETE, 10));
        // The bars stay on a line of their own, and nothing is redrawn after the end.
        assertThat(out.toString()).endsWith("9/18\r\u001b[KOpenAI gpt-5 [##########..........] 9/18\n");
        int length = out.toString().length();
        p.accept(new EngineEvent.Log(batch, "Surfaces completed: openai:gpt-5"));
        assertThat(out.toString().substring(length)).isEqualTo("\r\u001b[KSurfaces completed: openai:gpt-5\n");
    }

    @Test
    void barsShareTheWidthAndAreCutToIt() {
        List<ProgressPrinter.Bar> two = List.of(new ProgressPrinter.Bar("OpenAI gpt-5", 18, 18),
                new ProgressPrinter.Bar("Anthropic claude-sonnet-4-5 (web)", 0, 18));
        String line = ProgressPrinter.render(two, Map.of(), 80);
        assertThat(line).startsWith("OpenAI gpt-5 [##########] 18/18  Anthropic claude-sonnet-4-5 (web) [..........]");
        assertThat(ProgressPrinter.render(two, Map.of(), 40)).hasSize(40).endsWith("…");
    }

    @Test
    void theProgressLineShowsEachProvidersPacing() {
        StringWriter out = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(out, true), true, 140);
        p.accept(finished(3));
        p.accept(new EngineEvent.Pacing(batch, Provider.OPENAI, new PacingState(12, 16, true, true, 12, 0)));
        assertThat(out.toString()).endsWith("3/18 | OpenAI 12/16 waiting for the rate limit");
    }

    @Test
    void inAPipeALineWhenTheLimitOrTheWaitingChanges() {
        StringWriter out = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(out, true), false, 100);
        p.accept(new EngineEvent.Pacing(batch, Provider.OPENAI, new PacingState(1, 8, true, false, 1, 0)));
        p.accept(new EngineEvent.Pacing(batch, Provider.OPENAI, new PacingState(2, 8, true, false, 2, 0)));
        assertThat(out.toString()).isEmpty();
        p.accept(new EngineEvent.Pacing(batch, Provider.OPENAI, new PacingState(8, 16, true, false, 8, 0)));
        p.accept(new EngineEvent.Pacing(batch, Provider.OPENAI, new PacingState(16, 16, true, true, 16, 0)));
        assertThat(out.toString()).isEqualTo("[OpenAI] 8 in flight, limit 16" + System.lineSeparator()
                + "[OpenAI] 16 in flight, limit 16, waiting for the rate limit" + System.lineSeparator());
    }
}

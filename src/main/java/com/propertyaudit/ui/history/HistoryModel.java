package com.propertyaudit.ui.history;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.analysis.insights.AnswerFilter;
import com.propertyaudit.analysis.insights.BatchComparison;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.BatchSummary;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The History screen's state: every batch (filterable), the answers of the selected one with the
 * names found in them, the comparison of two batches and the trend of the selected property.
 */
public final class HistoryModel {

    /** A piece of an answer's text; {@code kind} is "brand", "competitor" or null for plain text. */
    public record Segment(String text, String kind) {}

    private final Workspace workspace;
    /** Resumes a batch (the engine's resume, with its events going to the screens). */
    private final Consumer<UUID> resumer;
    private final Background background;
    private final Feedback feedback;
    public final ObservableList<BatchSummary> all = FXCollections.observableArrayList();
    public final FilteredList<BatchSummary> shown = new FilteredList<>(all);
    public final StringProperty filter = new SimpleStringProperty("");
    public final ObjectProperty<BatchSummary> selected = new SimpleObjectProperty<>();
    public final ObservableList<StoredAnswer> answers = FXCollections.observableArrayList();
    /** The answers the filters let through: what the list shows. */
    public final FilteredList<StoredAnswer> shownAnswers = new FilteredList<>(answers);
    public final ObjectProperty<AnswerFilter> answerFilter = new SimpleObjectProperty<>(AnswerFilter.ALL);
    /** What the filters can choose from in the batch shown: surface ids, topics, outcomes. */
    public final ObservableList<String> surfaceChoices = FXCollections.observableArrayList();
    public final ObservableList<String> topicChoices = FXCollections.observableArrayList();
    public final ObservableList<AnswerOutcome> outcomeChoices = FXCollections.observableArrayList();
    /** "12 of 36 answers · Answers naming Pinnacle on the Park" */
    public final StringProperty answerCount = new SimpleStringProperty("");
    public final ObservableList<BatchComparison.Delta> comparison = FXCollections.observableArrayList();
    public final StringProperty comparisonTitle = new SimpleStringProperty(
            "Select two batches of the same property (Ctrl+click) and press Compare.");
    public final ObservableList<BatchRepository.TrendPoint> trend = FXCollections.observableArrayList();
    public final StringProperty trendTitle = new SimpleStringProperty("Select a batch to see its property's trend.");
    /** True while a resume is being started: the button waits. */
    public final BooleanProperty resuming = new SimpleBooleanProperty();
    private Map<UUID, String> surfaces = new HashMap<>();
    private Map<UUID, String> surfaceIds = new HashMap<>();
    /** The answer to show once its batch's answers are read (evidence links from the AI analysis). */
    public final ObjectProperty<StoredAnswer> focus = new SimpleObjectProperty<>();
    private Evidence pending;
    private AnswerScorer scorer;
    /** The batches' change mark at the last refresh; null before the first. */
    private String seen;

    public HistoryModel(Workspace workspace, Consumer<UUID> resumer, Background background, Feedback feedback) {
        this.workspace = workspace;
        this.resumer = resumer;
        this.background = background;
        this.feedback = feedback;
        filter.addListener((o, was, now) -> shown.setPredicate(b -> matches(b, now)));
        selected.addListener((o, was, now) -> load(now));
        answerFilter.addListener((o, was, now) -> applyAnswerFilter());
        answers.addListener((javafx.collections.ListChangeListener<StoredAnswer>) c -> applyAnswerFilter());
    }

    static boolean matches(BatchSummary b, String filter) {
        if (filter == null || filter.isBlank()) return true;
        String hay = (b.property() + " " + b.status().id() + " " + String.join(" ", b.surfaces()) + " "
                + date(b)).toLowerCase(Locale.ROOT);
        for (String word : filter.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !hay.contains(word)) return false;
        }
        return true;
    }

    private static String seconds(BatchSummary b) {
        return b.createdAt().toString().substring(0, 19).replace('T', ' ');
    }

    public static String date(BatchSummary b) {
        return b.createdAt().toString().substring(0, 16).replace('T', ' ');
    }

    /** "Simulated 62.3, OpenAI gpt-5 48.0" */
    public static String scores(BatchSummary b) {
        StringBuilder sb = new StringBuilder();
        for (String s : b.surfaces()) {
            Double v = b.scores().get(s);
            sb.append(sb.length() == 0 ? "" : ", ").append(s).append(v == null ? "" : String.format(Locale.ROOT, " %.1f", v));
        }
        return sb.toString();
    }

    /** A batch can be resumed when it is not running and some answers are still missing. */
    public static boolean resumable(BatchSummary b) {
        return b != null && !b.status().isLive() && b.answers() < b.expectedAnswers();
    }

    /** A running batch cannot be deleted: its runs are still writing answers. */
    public static boolean deletable(BatchSummary b) {
        return b != null && !b.status().isLive();
    }

    private void applyAnswerFilter() {
        AnswerFilter f = answerFilter.get();
        shownAnswers.setPredicate(a -> f.test(a, surfaceIdOf(a)));
        String drill = f.drillDown();
        answerCount.set(answers.isEmpty() ? "" : shownAnswers.size() + " of " + answers.size() + " answers"
                + (drill.isEmpty() ? "" : " · " + drill));
    }

    /** Opens a batch with only the answers a drill-down asks for (a competitor's, a domain's, a cell's). */
    public void openFiltered(UUID batchId, AnswerFilter f) {
        answerFilter.set(f);
        UUID keep = selected.get() == null ? null : selected.get().batchId();
        if (batchId.equals(keep) && !answers.isEmpty()) return;
        pending = new Evidence(batchId, -1, List.of());
        refresh();
    }

    public String surfaceIdOf(StoredAnswer a) {
        return surfaceIds.getOrDefault(a.answer().runId(), "?");
    }

    /** Opens a batch at the first answer to a query (0-based) from one of the surfaces (ids; empty: any). */
    public void open(UUID batchId, int queryIndex, List<String> surfaceIds) {
        // The answer asked for must not be hidden by a filter left from before.
        answerFilter.set(AnswerFilter.ALL);
        pending = new Evidence(batchId, queryIndex, surfaceIds.stream().map(id -> Surface.parse(id).label()).toList());
        refresh();
    }

    private record Evidence(UUID batchId, int queryIndex, List<String> surfaceLabels) {}

    private void focusPending() {
        Evidence e = pending;
        if (e == null || selected.get() == null || !selected.get().batchId().equals(e.batchId())) return;
        pending = null;
        focus.set(null);
        if (e.queryIndex() < 0) {
            if (!shownAnswers.isEmpty()) focus.set(shownAnswers.get(0));
            return;
        }
        answers.stream().filter(a -> a.answer().queryIndex() == e.queryIndex()
                && (e.surfaceLabels().isEmpty() || e.surfaceLabels().contains(surfaceOf(a))))
                .findFirst().ifPresent(focus::set);
    }

    /**
     * Refreshes when the batches changed since the last refresh: another window, the CLI or another
     * machine on a shared database started, finished, resumed or deleted one, or one's owner fell
     * silent. Called every few seconds.
     */
    public void pollForChanges() {
        if (seen == null) return;
        background.run(() -> {
            // A batch whose owner elsewhere went silent becomes resumable here without a click.
            workspace.batches().markInterrupted(EngineOptions.defaults().staleAfter(), java.time.Instant.now());
            return workspace.batches().changeMark();
        }, mark -> {
            if (seen != null && !mark.equals(seen)) refresh();
        }, e -> { }); // A poll that fails (the server is away a moment) is tried again at the next tick.
    }

    public void refresh() {
        background.run(() -> {
            // A batch whose process died (the app was closed or crashed mid-run) stops looking
            // "running" once its heartbeat is stale, so it can be resumed.
            workspace.batches().markInterrupted(EngineOptions.defaults().staleAfter(), java.time.Instant.now());
            String mark = workspace.batches().changeMark();
            return new Listed(mark, workspace.batches().list(null));
        }, listed -> {
            seen = listed.mark();
            List<BatchSummary> list = listed.batches();
            UUID keep = pending != null ? pending.batchId() : selected.get() == null ? null : selected.get().batchId();
            BatchSummary before = selected.get();
            all.setAll(list);
            // The batch that was open stays open; otherwise the newest one is.
            selected.set(list.stream().filter(b -> b.batchId().equals(keep)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
            // The same batch stays loaded: its answers are already there to focus.
            if (before != null && before.equals(selected.get()) && !answers.isEmpty()) focusPending();
        }, e -> feedback.error("History could not be read", FxTasks.describe(e)));
    }

    private void load(BatchSummary b) {
        answers.clear();
        if (b == null) return;
        background.run(() -> {
            Batch batch = workspace.batches().find(b.batchId()).orElseThrow(() -> new IllegalStateException(
                    "This batch is no longer stored (it was deleted, perhaps from another window): press Refresh."));
            Map<UUID, String> names = new HashMap<>();
            Map<UUID, String> ids = new HashMap<>();
            for (Run r : workspace.batches().runs(b.batchId())) {
                names.put(r.id(), r.surface().label());
                ids.put(r.id(), r.surface().id());
            }
            return new Loaded(new AnswerScorer(batch.snapshot()), names, ids,
                    workspace.answers().forBatch(b.batchId(), AnswerRepository.Detail.FULL),
                    workspace.insights().trend(b.property()));
        }, loaded -> {
            if (selected.get() == null || !selected.get().batchId().equals(b.batchId())) return;
            scorer = loaded.scorer();
            surfaces = loaded.surfaces();
            surfaceIds = loaded.surfaceIds();
            surfaceChoices.setAll(new java.util.TreeSet<>(loaded.surfaceIds().values()));
            topicChoices.setAll(loaded.answers().stream().map(AnswerFilter::topicOf).distinct().sorted().toList());
            outcomeChoices.setAll(loaded.answers().stream().map(a -> a.answer().outcome()).distinct().sorted().toList());
            // Per query, each surface's answers side by side.
            answers.setAll(loaded.answers().stream().sorted(Comparator
                    .comparingInt((StoredAnswer a) -> a.answer().queryIndex())
                    .thenComparing(a -> loaded.surfaces().getOrDefault(a.answer().runId(), ""))
                    .thenComparingInt(a -> a.answer().sample())).toList());
            trend.setAll(loaded.trend());
            focusPending();
            trendTitle.set("Trend of " + b.property() + " over " + loaded.trend().size() + " batches"
                    + (loaded.trend().size() < 2 ? ": run another audit to see a line" : ""));
        }, e -> feedback.error("The answers could not be read", FxTasks.describe(e)));
    }

    private record Listed(String mark, List<BatchSummary> batches) {}

    private record Loaded(AnswerScorer scorer, Map<UUID, String> surfaces, Map<UUID, String> surfaceIds,
            List<StoredAnswer> answers,
            List<BatchRepository.TrendPoint> trend) {}

    public String surfaceOf(StoredAnswer a) {
        return surfaces.getOrDefault(a.answer().runId(), "?");
    }

    /** The answer's text cut where names were found, so the view can colour them; failures say so. */
    public List<Segment> segments(StoredAnswer a) {
        List<Segment> out = new ArrayList<>();
        if (a.answer().outcome() == AnswerOutcome.FAILED) {
            out.add(new Segment("This request failed: " + a.answer().error(), "error"));
            return out;
        }
        String body = a.answer().text() == null ? "" : a.answer().text();
        if (a.answer().outcome() != AnswerOutcome.COMPLETED) {
            // Said before the text, so a cut-off or refused reply is never read as a whole answer.
            String counted = a.answer().outcome().isAnswer() ? "counted, naming no one" : "not counted";
            out.add(new Segment(capitalised(a.answer().outcome().label()) + " (" + counted + ")"
                    + (a.answer().note() == null ? "" : ": " + a.answer().note()) + (body.isEmpty() ? "" : "\n\n"),
                    "note"));
        } else if (a.answer().note() != null) {
            out.add(new Segment(a.answer().note() + (body.isEmpty() ? "" : "\n\n"), "note"));
        }
        if (body.isEmpty()) return out;
        List<Mention> mentions = new ArrayList<>(scorer.score(body, a.answer().citations()).mentions());
        mentions.sort(Comparator.comparingInt(Mention::start));
        int at = 0;
        for (Mention m : mentions) {
            if (m.start() < at || m.end() > body.length()) continue;
            if (m.start() > at) out.add(new Segment(body.substring(at, m.start()), null));
            out.add(new Segment(body.substring(m.start(), m.end()), m.brand() ? "brand" : "competitor"));
            at = m.end();
        }
        if (at < body.length()) out.add(new Segment(body.substring(at), null));
        return out;
    }

    /** "Searched (from San Diego, CA, US): “pet friendly lofts” · “dog park apartments”" under an answer. */
    public String searchLine(StoredAnswer a) {
        String from = a.answer().searchedFrom() == null ? "" : " (from " + a.answer().searchedFrom() + ")";
        return a.answer().searches().isEmpty() ? "Searched from " + a.answer().searchedFrom()
                : "Searched" + from + ": " + a.answer().searches().stream().map(q -> "“" + q + "”")
                        .collect(java.util.stream.Collectors.joining(" · "));
    }

    /** Compares two batches, the older as "before". */
    public void compare(BatchSummary x, BatchSummary y) {
        BatchSummary before = x.createdAt().isBefore(y.createdAt()) ? x : y;
        BatchSummary after = before == x ? y : x;
        background.run(() -> workspace.insights().comparison(before.batchId(), after.batchId()).orElseThrow(
                () -> new IllegalStateException("One of the two batches is no longer stored.")), result -> {
            comparison.setAll(result.deltas());
            comparisonTitle.set(before.property() + ": " + seconds(before) + " → " + seconds(after)
                    + (before.property().equals(after.property()) ? "" : " (" + after.property() + ")")
                    + ". A change is flagged significant when p < 0.05."
                    + (result.comparability().comparable() ? "" : "\n" + result.comparability().sentence()));
        }, e -> feedback.error("The batches could not be compared", FxTasks.describe(e)));
    }

    /** A batch that ends anywhere (this window, or a resume) shows up with its final status. */
    public void onEvents(List<EngineEvent> events) {
        if (events.stream().anyMatch(e -> e instanceof EngineEvent.BatchFinished)) refresh();
    }

    /** Resumes the selected batch; {@code then} gets its id once the resume has started. */
    public void resume(Consumer<UUID> then) {
        BatchSummary b = selected.get();
        if (resuming.get() || !resumable(b)) return;
        resuming.set(true);
        background.run(() -> {
            resumer.accept(b.batchId());
            return b.batchId();
        }, id -> {
            resuming.set(false);
            refresh();
            then.accept(id);
        }, e -> {
            resuming.set(false);
            feedback.error("The batch could not be resumed", FxTasks.describe(e));
        });
    }

    /** "3. best lofts downtown / Simulated demo · sample 1 · score 60.0 · brand named" for the answer list. */
    public String line(StoredAnswer a) {
        return (a.answer().queryIndex() + 1) + ". " + a.answer().queryText() + "\n" + surfaceOf(a) + " · sample "
                + a.answer().sample() + " · " + (a.answer().outcome() != AnswerOutcome.COMPLETED
                        ? a.answer().outcome().label() + (a.answer().outcome().isAnswer() ? "" : " · not counted")
                        : String.format(Locale.ROOT, "score %.1f%s", a.score().score(),
                                a.score().brandMentioned() ? " · brand named" : ""));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public void delete(BatchSummary b) {
        background.run(() -> {
            workspace.batches().delete(b.batchId());
            return true;
        }, ok -> refresh(), e -> feedback.error("The batch could not be deleted", FxTasks.describe(e)));
    }
}

package com.propertyaudit.ui.insights;

import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.analysis.insights.Measures;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Insights screen's state: which batch it follows, its insights, and what the banner and
 * tiles say. While the batch runs, engine events trigger reloads, at most two a second; the end
 * of a run or of the batch always reloads.
 */
public final class InsightsModel {

    /** A KPI tile. */
    public record Tile(String title, String value, String detail) {}

    /** A bar of a chart. */
    public record Bar(String label, double value) {}

    static final long RELOAD_EVERY_MS = 500;
    static final String BRAND_TILE = "Brand share of voice";
    static final String VISIBILITY = Measures.VISIBILITY_SCORE;
    static final String MENTION_RATE = Measures.MENTION_RATE;

    private final Function<UUID, Optional<Insights>> source;
    private final Background background;
    private final Feedback feedback;
    private final LongSupplier clock;
    public final ObjectProperty<UUID> batchId = new SimpleObjectProperty<>();
    public final ObjectProperty<Insights> insights = new SimpleObjectProperty<>();
    public final StringProperty header = new SimpleStringProperty("Insights");
    public final StringProperty banner = new SimpleStringProperty(
            "Run an audit, or open a batch in History, to see its insights here.");
    /** banner-ok, banner-warn, banner-bad, or banner-none before any batch. */
    public final StringProperty bannerStyle = new SimpleStringProperty("banner-none");
    private long lastLoad = Long.MIN_VALUE / 2;
    private boolean loading;
    private boolean stale;
    private int loads;

    public InsightsModel(Function<UUID, Optional<Insights>> source, Background background, Feedback feedback,
            LongSupplier clock) {
        this.source = source;
        this.background = background;
        this.feedback = feedback;
        this.clock = clock;
        insights.addListener((o, was, now) -> describe(now));
    }

    /** Follows a batch (null: none). */
    public void show(UUID id) {
        batchId.set(id);
        if (id == null) insights.set(null);
        reload();
    }

    /** Opens on the newest batch (after a restart) unless a batch was shown meanwhile. */
    public void showLatest(Callable<Optional<UUID>> latest) {
        background.run(latest, id -> {
            if (batchId.get() == null) id.ifPresent(this::show);
        }, e -> feedback.error("The newest batch could not be read", FxTasks.describe(e)));
    }

    /** Engine events from the bridge: reloads when they concern the batch shown. */
    public void onEvents(List<EngineEvent> events) {
        UUID id = batchId.get();
        if (id == null) return;
        boolean mine = false;
        boolean finished = false;
        for (EngineEvent e : events) {
            if (!id.equals(e.batchId())) continue;
            if (e instanceof EngineEvent.QueryFinished || e instanceof EngineEvent.QueryFailed) mine = true;
            // A run or the batch ending changes the banner: always shown at once.
            if (e instanceof EngineEvent.RunFinished || e instanceof EngineEvent.BatchFinished) finished = true;
        }
        if (finished || mine && clock.getAsLong() - lastLoad >= RELOAD_EVERY_MS) reload();
    }

    private void reload() {
        UUID id = batchId.get();
        if (id == null) return;
        if (loading) {
            stale = true;
            return;
        }
        loading = true;
        lastLoad = clock.getAsLong();
        loads++;
        background.run(() -> source.apply(id).orElse(null), in -> {
            loading = false;
            if (id.equals(batchId.get())) {
                if (in != null) {
                    insights.set(in);
                } else {
                    forget();
                }
            }
            if (stale) {
                stale = false;
                reload();
            }
        }, e -> {
            loading = false;
            feedback.error("Insights could not be computed", FxTasks.describe(e));
        });
    }

    /** The batch is gone (deleted): the screen goes back to its empty state. */
    private void forget() {
        batchId.set(null);
        insights.set(null);
        header.set("Insights");
        banner.set("The batch shown here was deleted. Run an audit, or open a batch in History.");
        bannerStyle.set("banner-none");
    }

    /** How many times the insights were read from the store (for tests of the throttle). */
    int loads() {
        return loads;
    }

    private void describe(Insights in) {
        if (in == null) return;
        header.set("Insights - " + in.property() + " - " + in.createdAt().toString().substring(0, 16).replace('T', ' '));
        banner.set(in.batchStatus().message() + (simulated(in) ? "   ·   Simulated data" : ""));
        BatchStatus st = in.batchStatus().status();
        bannerStyle.set(st == BatchStatus.COMPLETE ? "banner-ok" : st == BatchStatus.FAILED ? "banner-bad" : "banner-warn");
    }

    static boolean simulated(Insights in) {
        return in.summary().visibility().keySet().stream().anyMatch(s -> s.startsWith("simulated:"));
    }

    /** The KPI tiles: visibility per surface with its interval, brand SOV, unbranded SOV, top competitor. */
    public static List<Tile> tiles(Insights in) {
        List<Tile> out = new ArrayList<>();
        Insights.Summary s = in.summary();
        s.visibility().forEach((surface, v) -> out.add(new Tile(VISIBILITY + " · " + surface,
                v.score() == null ? "-" : fmt(v.score()), v.ci() == null ? "n=" + v.answers()
                        : String.format(Locale.ROOT, "95%% CI %.1f-%.1f, n=%d", v.ci()[0], v.ci()[1], v.answers())
                                + (v.answers() < Insights.DIRECTIONAL_BELOW ? " · directional" : ""))));
        out.add(new Tile(BRAND_TILE, pct(s.brandSOV()), MENTION_RATE + " " + rate(s.brandMentionRate())));
        out.add(new Tile("Unbranded share of voice", pct(s.unbranded().brandSOV()),
                s.unbranded().queries() + (s.unbranded().queries() == 1 ? " query" : " queries")
                        + " not naming the brand, with answers"));
        // The top competitor's own count, as its row in the table has it (not the batch's answers).
        Insights.CompetitorRow top = in.competitors().isEmpty() ? null : in.competitors().get(0);
        out.add(new Tile("Top competitor", top == null ? "-" : top.name(), top == null
                ? s.answers() + " answers name no competitor"
                : "named in " + top.mentions() + " of " + s.answers() + " answers"));
        return out;
    }

    /**
     * "The surfaces agree on 61.1% of 18 queries; Cohen's kappa 0.18 (slight agreement beyond
     * chance)." The words for kappa are Landis and Koch's.
     */
    public static String agreementSentence(Insights.Agreement a) {
        if (a == null || a.rate() == null) return "Agreement needs two surfaces with answers to the same queries.";
        String name = "fleiss".equals(a.kappaMethod()) ? "Fleiss' kappa" : "Cohen's kappa";
        String kappa = a.kappa() == null ? name + " undefined (no variation to agree on)"
                : String.format(Locale.ROOT, "%s %.2f (%s)", name, a.kappa(), strength(a.kappa()));
        return String.format(Locale.ROOT, "The surfaces agree on %.1f%% of %d queries; %s.", a.rate(), a.queries(), kappa);
    }

    static String strength(double kappa) {
        // Rounded as shown: a kappa that reads 0.00 must not be called agreement.
        if (Math.round(kappa * 100) <= 0) return "no agreement beyond chance";
        if (kappa <= 0.20) return "slight agreement beyond chance";
        if (kappa <= 0.40) return "fair agreement beyond chance";
        if (kappa <= 0.60) return "moderate agreement beyond chance";
        if (kappa <= 0.80) return "substantial agreement beyond chance";
        return "almost perfect agreement";
    }

    /** The brand and its top competitors, largest share first. */
    public static List<Bar> shareOfVoice(Insights in) {
        List<Bar> out = new ArrayList<>();
        if (in.summary().brandSOV() != null) out.add(new Bar(in.property(), in.summary().brandSOV()));
        in.competitors().stream().filter(r -> r.sov() != null).limit(6).forEach(r -> out.add(new Bar(r.name(), r.sov())));
        out.sort(java.util.Comparator.comparingDouble(Bar::value).reversed());
        return out;
    }

    /** Surfaces, highest visibility score first. */
    public static List<Bar> visibility(Insights in) {
        List<Bar> out = new ArrayList<>();
        in.summary().visibility().forEach((s, v) -> {
            if (v.score() != null) out.add(new Bar(s, v.score()));
        });
        out.sort(java.util.Comparator.comparingDouble(Bar::value).reversed());
        return out;
    }

    public static List<Bar> citedDomains(Insights in) {
        return in.domains().stream().limit(6).map(d -> new Bar(d.domain(), d.citations())).toList();
    }

    static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String rate(Insights.Rate r) {
        if (r.percent() == null) return "no answers yet";
        return String.format(Locale.ROOT, "%.1f%% of answers (95%% CI %.1f-%.1f, n=%d)%s", r.percent(), r.ci()[0],
                r.ci()[1], r.n(), r.directional() ? " · directional" : "");
    }
}

package com.propertyaudit.ui.properties;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.store.PropertyLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The property being edited, as properties a form binds to, with its validation: {@link
 * #problem()} is the first thing to fix, or empty when the property can be saved.
 */
public final class PropertyEditorModel {

    private static final Pattern DOMAIN = Pattern.compile("(?i)^(?!-)[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})*\\.[a-z]{2,63}$");

    /** An editable competitor row; aliases and domains are comma-separated. */
    public static final class CompetitorRow {
        public final StringProperty name = new SimpleStringProperty("");
        public final StringProperty aliases = new SimpleStringProperty("");
        public final StringProperty domains = new SimpleStringProperty("");

        public CompetitorRow(String name, String aliases, String domains) {
            this.name.set(name);
            this.aliases.set(aliases);
            this.domains.set(domains);
        }
    }

    /** An editable query row. */
    public static final class QueryRow {
        public final StringProperty text = new SimpleStringProperty("");
        public final StringProperty topic = new SimpleStringProperty("");

        public QueryRow(String text, String topic) {
            this.text.set(text);
            this.topic.set(topic == null ? "" : topic);
        }
    }

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty aliases = new SimpleStringProperty("");
    public final StringProperty domains = new SimpleStringProperty("");
    public final StringProperty city = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty("");
    public final StringProperty neighborhood = new SimpleStringProperty("");
    /** ISO 3166-1 alpha-2; with the city, where web searches search from. */
    public final StringProperty country = new SimpleStringProperty("");
    public final ObservableList<CompetitorRow> competitors = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.name, r.aliases, r.domains});
    public final ObservableList<QueryRow> queries = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.text, r.topic});
    public final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper originalName = new ReadOnlyStringWrapper("");
    private final StringBinding problem;

    public PropertyEditorModel() {
        problem = Bindings.createStringBinding(this::validate, name, aliases, domains, city, region, neighborhood,
                country, competitors, queries);
        // Change listeners: an invalidation listener stays silent until someone reads the value again.
        for (StringProperty p : List.of(name, aliases, domains, city, region, neighborhood, country)) {
            p.addListener((o, was, now) -> dirty.set(true));
        }
        competitors.addListener((javafx.collections.ListChangeListener<CompetitorRow>) c -> dirty.set(true));
        queries.addListener((javafx.collections.ListChangeListener<QueryRow>) c -> dirty.set(true));
    }

    /** The first thing to fix before saving, as a sentence; empty when the property is valid. */
    public StringBinding problem() {
        return problem;
    }

    /** The stored name of the property being edited; empty for a new one. A save under another name renames it. */
    public String originalName() {
        return originalName.get();
    }

    public ReadOnlyStringProperty originalNameProperty() {
        return originalName.getReadOnlyProperty();
    }

    public void load(Property p) {
        originalName.set(p.name());
        name.set(p.name());
        aliases.set(String.join(", ", p.aliases()));
        domains.set(String.join(", ", p.domains()));
        city.set(nz(p.location().city()));
        region.set(nz(p.location().region()));
        country.set(nz(p.location().country()));
        neighborhood.set(nz(p.location().neighborhood()));
        competitors.setAll(p.competitors().stream()
                .map(c -> new CompetitorRow(c.name(), String.join(", ", c.aliases()), String.join(", ", c.domains())))
                .toList());
        queries.setAll(p.queries().stream().map(q -> new QueryRow(q.text(), q.topic())).toList());
        dirty.set(false);
    }

    public void clear() {
        load(Property.named(""));
        dirty.set(false);
    }

    public Property toProperty() {
        List<Competitor> comps = competitors.stream()
                .map(c -> new Competitor(c.name.get().strip(), split(c.aliases.get()), split(c.domains.get()))).toList();
        List<AuditQuery> qs = queries.stream().filter(q -> !q.text.get().isBlank())
                .map(q -> new AuditQuery(q.text.get().strip(), q.topic.get().isBlank() ? null : q.topic.get().strip()))
                .toList();
        return new Property(name.get().strip(), split(aliases.get()), split(domains.get()),
                new Location(blankToNull(city.get()), blankToNull(region.get()), blankToNull(neighborhood.get()),
                        blankToNull(country.get())), comps,
                qs);
    }

    String validate() {
        String n = nameProblem(name.get());
        if (n != null) return n;
        String d = domainsProblem(domains.get());
        if (d != null) return d;
        Set<String> seen = new HashSet<>();
        for (CompetitorRow c : competitors) {
            if (c.name.get() == null || c.name.get().isBlank()) return "Every competitor needs a name.";
            if (!seen.add(c.name.get().strip().toLowerCase(Locale.ROOT))) {
                return "Competitor '" + c.name.get().strip() + "' is listed twice.";
            }
            String badC = firstBadDomain(c.domains.get());
            if (badC != null) return "Competitor '" + c.name.get().strip() + "': '" + badC + "' is not a web domain.";
        }
        if (queries.stream().allMatch(q -> q.text.get() == null || q.text.get().isBlank())) {
            return "Add at least one query to audit.";
        }
        // The same limits as a property file's, so a save never ends in a database error.
        return PropertyLimits.check(toProperty()).map(PropertyLimits.Problem::describe).orElse("");
    }

    /** What is wrong with a property name, or null: for the field's own decoration too. */
    public static String nameProblem(String text) {
        if (text == null || text.isBlank()) return "Enter the property's name.";
        String problem = PropertyLimits.name(text.strip(), PropertyLimits.NAME);
        return problem == null ? null : "The name " + problem;
    }

    /** What is wrong with a comma-separated list of domains, or null. */
    public static String domainsProblem(String text) {
        String bad = firstBadDomain(text);
        return bad == null ? null
                : "'" + bad + "' is not a web domain: write it like harborpointlofts.com (no http://, no path).";
    }

    static String firstBadDomain(String text) {
        for (String d : split(text)) {
            if (!DOMAIN.matcher(d).matches()) return d;
        }
        return null;
    }

    /** Moves query {@code index} by {@code by} places; returns its new index (unchanged when it cannot move). */
    public int move(int index, int by) {
        int to = index + by;
        if (index < 0 || index >= queries.size() || to < 0 || to >= queries.size()) return index;
        QueryRow row = queries.remove(index);
        queries.add(to, row);
        return to;
    }

    /** Queries from templates, using the location and the competitors; topics as the analyst's tools know them. */
    public List<QueryRow> generatedQueries() {
        String place = String.join(" ", List.of(neighborhood.get(), city.get()).stream().filter(s -> !s.isBlank()).toList());
        String where = place.isBlank() ? "my area" : place;
        String brand = name.get().strip();
        List<QueryRow> out = new ArrayList<>(List.of(
                new QueryRow("best apartments in " + where, "discovery"),
                new QueryRow("top rated apartment communities in " + where, "discovery"),
                new QueryRow("pet-friendly apartments in " + where, "amenity"),
                new QueryRow("apartments with a pool and gym in " + where, "amenity"),
                new QueryRow("apartments in " + where + " for young professionals", "persona"),
                new QueryRow("apartments in " + where + " for families", "persona"),
                new QueryRow("affordable one-bedroom apartments in " + where, "price"),
                new QueryRow("luxury apartments in " + where + " worth the price", "price")));
        if (!brand.isEmpty()) {
            out.add(new QueryRow(brand + " reviews", "brand"));
            out.add(new QueryRow("is " + brand + " a good place to live?", "brand"));
            competitors.stream().limit(3).forEach(c -> out.add(new QueryRow(brand + " vs " + c.name.get(), "comparison")));
        }
        Set<String> have = new HashSet<>();
        queries.forEach(q -> have.add(q.text.get().toLowerCase(Locale.ROOT)));
        return out.stream().filter(q -> !have.contains(q.text.get().toLowerCase(Locale.ROOT))).toList();
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package com.propertyaudit.ui.settings;

import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.llm.ModelRetirements;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.settings.ApiKeys;
import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.settings.SettingsStore;
import java.util.ArrayList;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings screen's state: connections, defaults, limits, the price table and the theme, with
 * validation ({@link #problem()}) and saving. Keys go to the OS keychain, never to the settings file.
 */
public final class SettingsModel {

    /** A row of the price table: model prefix, USD per million input and output tokens. */
    public static final class PriceRow {
        public final StringProperty prefix = new SimpleStringProperty("");
        public final StringProperty input = new SimpleStringProperty("");
        public final StringProperty output = new SimpleStringProperty("");

        public PriceRow(String prefix, String input, String output) {
            this.prefix.set(prefix);
            this.input.set(input);
            this.output.set(output);
        }
    }

    /** A provider's model list; may block on the network. */
    public interface ModelLists {
        /** The list, or empty when it cannot be read. */
        Optional<List<String>> offered(Provider provider);

        /** A sentence saying what one cheap call to the provider found. */
        String check(Provider provider);
    }

    private final SettingsStore store;
    private final ApiKeys keys;
    private final ModelLists modelLists;
    /** Surfaces ("openai:gpt-5") from the providers' model lists, once read. */
    public final ObservableList<String> offeredModels = FXCollections.observableArrayList();
    public final StringProperty modelsStatus = new SimpleStringProperty("");
    private final StringBinding retirements;
    /** Each remote provider's base URL as typed; blank for the environment or the default. */
    public final Map<Provider, StringProperty> baseUrls = new EnumMap<>(Provider.class);
    /** Each remote provider's "test connection" result; empty until tested. */
    public final Map<Provider, StringProperty> connection = new EnumMap<>(Provider.class);
    public final StringProperty defaultSurfaces = new SimpleStringProperty("");
    public final IntegerProperty concurrency = new SimpleIntegerProperty(AppSettings.AUTO);
    public final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(600);
    public final StringProperty theme = new SimpleStringProperty("light");
    /** The analysis surface ("" for none) and whether it runs by itself after each batch. */
    public final StringProperty analysisSurface = new SimpleStringProperty("");
    public final javafx.beans.property.BooleanProperty analyseAfterEachBatch =
            new javafx.beans.property.SimpleBooleanProperty(false);
    public final ObservableList<PriceRow> prices = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.prefix, r.input, r.output});
    public final StringProperty status = new SimpleStringProperty("");
    private final StringBinding problem;
    private final Background background;
    private final Map<Provider, ObjectProperty<KeyState>> keyStates = new EnumMap<>(Provider.class);

    public SettingsModel(SettingsStore store, ApiKeys keys, Background background, ModelLists modelLists) {
        this.store = store;
        this.keys = keys;
        this.background = background;
        this.modelLists = modelLists;
        for (Provider p : Provider.remote()) {
            baseUrls.put(p, new SimpleStringProperty(""));
            connection.put(p, new SimpleStringProperty(""));
        }
        List<javafx.beans.Observable> watched = new ArrayList<>(baseUrls.values());
        watched.add(defaultSurfaces);
        watched.add(prices);
        watched.add(analysisSurface);
        problem = Bindings.createStringBinding(this::validate, watched.toArray(javafx.beans.Observable[]::new));
        retirements = Bindings.createStringBinding(this::retirementWarnings, defaultSurfaces);
        for (Provider p : Provider.remote()) {
            keyStates.put(p, new SimpleObjectProperty<>(new KeyState("", "Reading the OS keychain…", false)));
        }
        load();
        // The theme applies and is kept at once: the analyst sees the choice without pressing Save.
        theme.addListener((o, was, now) -> write(() -> store.save(store.load().withTheme(now)), null));
    }

    /** Writes the settings file off the FX thread; {@code done} (may be null) says so on success. */
    private void write(Runnable saving, String done) {
        background.run(() -> {
            saving.run();
            return true;
        }, ok -> {
            if (done != null) status.set(done);
        }, e -> status.set(FxTasks.describe(e)));
    }

    private void load() {
        AppSettings s = store.load();
        for (Provider p : Provider.remote()) baseUrls.get(p).set(s.baseUrl(p) == null ? "" : s.baseUrl(p));
        defaultSurfaces.set(String.join(", ", s.defaultSurfaces()));
        concurrency.set(s.concurrency());
        timeoutSeconds.set(s.requestTimeoutSeconds());
        theme.set("dark".equals(s.theme()) ? "dark" : "light");
        analysisSurface.set(s.analysis().surface() == null ? "" : s.analysis().surface());
        analyseAfterEachBatch.set(s.analysis().afterEachBatch());
        prices.clear();
        new TreeMap<>(PriceTable.defaults().withOverrides(s.prices()).rows()).forEach((prefix, p) ->
                prices.add(new PriceRow(prefix, number(p.inputPerMillion()), number(p.outputPerMillion()))));
    }

    /** Warnings for default surfaces whose model is retired or soon retired; empty when none. */
    public StringBinding retirements() {
        return retirements;
    }

    private String retirementWarnings() {
        List<String> out = new ArrayList<>();
        for (String s : defaultSurfaces.get().split(",")) {
            try {
                ModelRetirements.warning(Surface.parse(s.strip()), LocalDate.now(ZoneOffset.UTC)).ifPresent(out::add);
            } catch (IllegalArgumentException notASurface) {
                // validate() names it
            }
        }
        return String.join(" ", out);
    }

    /** Reads the model lists of the providers that have a key, off the FX thread, into {@link #offeredModels}. */
    public void readModels() {
        modelsStatus.set("Reading the providers' model lists…");
        background.run(() -> {
            List<String> surfaces = new ArrayList<>();
            List<String> unread = new ArrayList<>();
            for (Provider p : Provider.remote()) {
                if (p.keyRequired() && keys.key(p).isEmpty()) continue;
                Optional<List<String>> ids = modelLists.offered(p);
                if (ids.isEmpty()) unread.add(p.displayName());
                ids.orElse(List.of()).stream().sorted().forEach(id -> surfaces.add(p.id() + ":" + id));
            }
            return new ModelsRead(surfaces, unread);
        }, read -> {
            offeredModels.setAll(read.surfaces());
            modelsStatus.set(read.surfaces().isEmpty() && read.unread().isEmpty()
                    ? "Set a key above first: the lists are read with it."
                    : read.surfaces().size() + " models offered to your keys"
                            + (read.unread().isEmpty() ? "." : "; " + String.join(" and ", read.unread())
                                    + " did not answer (check the key and base URL)."));
        }, e -> modelsStatus.set("The model lists could not be read: " + FxTasks.describe(e)));
    }

    /** One cheap call to the provider (its model list) and what it found, off the FX thread. */
    public void testConnection(Provider p) {
        StringProperty result = connection.get(p);
        result.set("Testing…");
        background.run(() -> modelLists.check(p), result::set, e -> result.set(FxTasks.describe(e)));
    }

    private record ModelsRead(List<String> surfaces, List<String> unread) {}

    /** Adds a surface to the default surfaces, once. */
    public void addDefaultSurface(String surface, boolean webSearch) {
        String s = surface + (webSearch ? "+web" : "");
        List<String> now = new ArrayList<>(Arrays.stream(defaultSurfaces.get().split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList());
        if (!now.contains(s)) now.add(s);
        defaultSurfaces.set(String.join(", ", now));
    }

    /** The first thing to fix before saving, as a sentence; empty when the settings can be saved. */
    public StringBinding problem() {
        return problem;
    }

    String validate() {
        for (StringProperty u : baseUrls.values()) {
            String url = u.get();
            if (!url.isBlank() && !url.strip().matches("(?i)https?://\\S+")) {
                return "'" + url.strip() + "' is not a URL: it must start with http:// or https://.";
            }
        }
        if (!analysisSurface.get().isBlank()) {
            try {
                Surface.parse(analysisSurface.get().strip());
            } catch (IllegalArgumentException e) {
                return "Analysis surface: " + e.getMessage();
            }
        }
        for (String s : defaultSurfaces.get().split(",")) {
            if (s.isBlank()) continue;
            try {
                Surface.parse(s.strip());
            } catch (IllegalArgumentException e) {
                return "Default surfaces: " + e.getMessage();
            }
        }
        List<String> seen = new ArrayList<>();
        for (PriceRow r : prices) {
            String prefix = r.prefix.get().strip();
            if (prefix.isEmpty()) return "Every price row needs a model name (or the start of one, like gpt-5).";
            if (seen.contains(prefix)) return "The price of '" + prefix + "' is listed twice.";
            seen.add(prefix);
            if (price(r.input.get()) == null || price(r.output.get()) == null) {
                return "The price of '" + prefix + "' must be two numbers of US dollars per million tokens, like 1.25.";
            }
        }
        return "";
    }

    /** Saves everything but the theme (kept at once) and the keys (kept in the keychain). */
    public boolean save() {
        String p = problem.get();
        if (!p.isEmpty()) {
            status.set(p);
            return false;
        }
        List<String> surfaces = Arrays.stream(defaultSurfaces.get().split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
        Map<Provider, String> urls = new EnumMap<>(Provider.class);
        baseUrls.forEach((provider, u) -> urls.put(provider, u.get().strip()));
        int inFlight = concurrency.get();
        int timeout = timeoutSeconds.get();
        Map<String, List<Double>> overrides = priceOverrides();
        AppSettings.Analysis analysis = new AppSettings.Analysis(analysisSurface.get(), analyseAfterEachBatch.get());
        write(() -> {
            AppSettings current = store.load();
            store.save(current.withConnection(urls.get(Provider.OPENAI), urls.get(Provider.ANTHROPIC), surfaces,
                    inFlight, timeout, current.samples()).withBaseUrls(urls).withPrices(overrides).withAnalysis(analysis));
        }, "Saved. Run Audit takes the new requests in flight now; default surfaces, base URLs and the"
                + " timeout take effect at the next start.");
        return true;
    }

    /** Only the rows that differ from the built-in table are stored, so later built-in updates still apply. */
    Map<String, List<Double>> priceOverrides() {
        Map<String, PriceTable.Price> defaults = PriceTable.defaults().rows();
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (PriceRow r : prices) {
            String prefix = r.prefix.get().strip();
            PriceTable.Price price = new PriceTable.Price(price(r.input.get()), price(r.output.get()));
            if (!price.equals(defaults.get(prefix))) {
                out.put(prefix, List.of(price.inputPerMillion(), price.outputPerMillion()));
            }
        }
        return out;
    }

    public void addPriceRow() {
        prices.add(new PriceRow("new-model", "0", "0"));
    }

    /** What the Settings screen shows of a provider's key: masked, where it comes from, whether it can be stored. */
    public record KeyState(String masked, String note, boolean canStore) {}

    public ObjectProperty<KeyState> keyState(Provider p) {
        return keyStates.get(p);
    }

    /** Reads every key's state; the keychain may wait for the OS to unlock it, so off the FX thread. */
    public void readKeys() {
        keyStates.forEach((p, state) -> background.run(() -> stateOf(p), state::set,
                e -> state.set(new KeyState("", "The OS keychain could not be read: " + FxTasks.describe(e), false))));
    }

    /** Stores a key in the OS keychain, off the FX thread; {@code stored} runs once it is there. */
    public void storeKey(Provider p, String key, Runnable stored) {
        ObjectProperty<KeyState> state = keyStates.get(p);
        KeyState before = state.get();
        state.set(new KeyState(before.masked(), "Storing…", false));
        background.run(() -> {
            if (key == null || key.isBlank()) throw new IllegalArgumentException("Paste the key into the field first.");
            keys.store(p, key.strip());
            return stateOf(p);
        }, now -> {
            state.set(now);
            stored.run();
        }, e -> state.set(new KeyState(before.masked(), FxTasks.describe(e), before.canStore())));
    }

    private KeyState stateOf(Provider p) {
        return new KeyState(keys.key(p).map(ApiKeys::masked).orElse("not set"), keyNote(p), keys.keychainAvailable());
    }

    /** Where the key comes from, and that an environment variable wins over the keychain. */
    private String keyNote(Provider p) {
        return switch (keys.source(p)) {
            case ENVIRONMENT -> "From " + ApiKeys.variable(p) + " (the environment variable overrides the keychain)";
            case KEYCHAIN -> "Stored in the OS keychain";
            case NONE -> keys.keychainAvailable() ? "Not set" : "No OS keychain on this machine: set "
                    + ApiKeys.variable(p) + " before starting";
        };
    }

    private static Double price(String text) {
        try {
            double v = Double.parseDouble(text.strip());
            return v >= 0 && Double.isFinite(v) ? v : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}

package com.propertyaudit.engine;

import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.pacing.PacedLimiter;
import com.propertyaudit.engine.pacing.Pacing;
import com.propertyaudit.llm.LlmClients;
import com.propertyaudit.llm.LlmConfig;
import com.propertyaudit.llm.ModelCatalog;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.settings.ApiKeys;
import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.settings.DataFolder;
import com.propertyaudit.settings.DbLogin;
import com.propertyaudit.settings.OsKeychain;
import com.propertyaudit.settings.SettingsStore;
import com.propertyaudit.settings.SharedDatabase;
import com.propertyaudit.store.AnalysisRepository;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.JdbcUrls;
import com.propertyaudit.store.PropertyRepository;
import com.propertyaudit.store.RunRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one data folder holds, opened once: settings, keys, the database and its
 * repositories, the provider clients and the engine. The GUI and the CLI both start here.
 */
public final class Workspace implements AutoCloseable {

    /** The data folder or database cannot be used; the message says what to do. */
    public static final class NotReadyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotReadyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path folder;
    private final Database database;
    private final SettingsStore settingsStore;
    private final ApiKeys keys;
    private final Map<String, String> env;
    private final PropertyRepository properties;
    private final BatchRepository batches;
    private final RunRepository runs;
    private final AnswerRepository answers;
    private LlmClients clients;
    private volatile Map<Provider, String> baseUrls = Map.of();
    private AuditEngine engine;

    private Workspace(Path folder, Database database, Map<String, String> env) {
        this.folder = folder;
        this.database = database;
        this.env = Map.copyOf(env);
        this.settingsStore = new SettingsStore(folder);
        this.keys = new ApiKeys(env, new OsKeychain());
        this.properties = new PropertyRepository(database);
        this.batches = new BatchRepository(database);
        this.runs = new RunRepository(database);
        this.answers = new AnswerRepository(database);
    }

    /**
     * @param homeOption {@code --home}, or null
     * @param dbOption   {@code --db}, or null; else {@code PROPERTYAUDIT_DB}, else the shared database
     *                   the data folder points at ({@link SharedDatabase}), else the folder's H2 file
     */
    public static Workspace open(Path homeOption, String dbOption, Map<String, String> env) {
        String url = dbOption != null ? dbOption : env.get("PROPERTYAUDIT_DB");
        if (url != null && !url.isBlank() && !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("'" + JdbcUrls.masked(url) + "' is not a JDBC URL: --db and PROPERTYAUDIT_DB take"
                    + " one like jdbc:h2:file:/path/to/propertyaudit, or leave them out for the data folder.");
        }
        Path folder = DataFolder.resolve(homeOption, env);
        if (url == null || url.isBlank()) url = new SharedDatabase(folder).url().orElse(null);
        boolean inFolder = url == null || url.isBlank();
        // Refused before anything is written: the folder's path would become part of the database URL.
        String problem = inFolder ? Database.folderProblem(folder) : null;
        if (problem != null) throw new IllegalArgumentException(problem);
        try {
            DataFolder.ensureWritable(folder);
            Database db = inFolder ? Database.openFolder(folder) : openUrl(url, env);
            return new Workspace(folder, db, env);
        } catch (RuntimeException e) {
            throw new NotReadyException(e.getMessage(), e);
        }
    }

    /** A database given by URL; a server's login from the environment or the keychain ({@link DbLogin}). */
    private static Database openUrl(String url, Map<String, String> env) {
        if (JdbcUrls.isH2(url)) return Database.open(url);
        DbLogin login = new DbLogin(env, new OsKeychain());
        return Database.open(url, login.user().orElse(null), login.password().orElse(null));
    }

    /** A database other than this workspace's ({@code db copy --to}), opened as {@code --db} would be. */
    public Database openOther(String url) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("'" + JdbcUrls.masked(url) + "' is not a JDBC URL: give one like"
                    + " jdbc:postgresql://server/propertyaudit or jdbc:h2:file:/path/to/propertyaudit.");
        }
        return openUrl(url, env);
    }

    public Path folder() {
        return folder;
    }

    /** "the database in /home/me/.local/share/PropertyAudit", for messages. */
    public String describe() {
        return "the database " + database.description();
    }

    public AppSettings settings() {
        return settingsStore.load();
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    public ApiKeys keys() {
        return keys;
    }

    /** The login for a shared database server: the environment, else the keychain. */
    public DbLogin dbLogin() {
        return new DbLogin(env, new OsKeychain());
    }

    public Database database() {
        return database;
    }

    public PropertyRepository properties() {
        return properties;
    }

    public BatchRepository batches() {
        return batches;
    }

    public RunRepository runs() {
        return runs;
    }

    public AnswerRepository answers() {
        return answers;
    }

    public InsightsService insights() {
        return new InsightsService(properties, batches, runs, answers);
    }

    public AnalysisService analysis() {
        LlmClients c = clients();
        return new AnalysisService(properties, batches, answers, new AnalysisRepository(database), insights(),
                c::forSurface, prices(), Clock.systemUTC());
    }

    public DiscoveryService discovery() {
        return new DiscoveryService(properties, batches, answers);
    }

    public ReportService reports() {
        return new ReportService(this);
    }

    public PriceTable prices() {
        return PriceTable.defaults().withOverrides(settings().prices());
    }

    /** The environment variables of the chosen surfaces' providers that have no key, in order. */
    public List<String> missingKeys(List<Surface> surfaces) {
        List<String> missing = new ArrayList<>();
        for (Surface s : surfaces) {
            String var = ApiKeys.variable(s.provider());
            if (s.provider().keyRequired() && keys.key(s.provider()).isEmpty() && !missing.contains(var)) {
                missing.add(var);
            }
        }
        return missing;
    }

    /** Fails before anything is created when a chosen surface has no key; names the variable. */
    public void requireKeys(List<Surface> surfaces) {
        List<String> missing = missingKeys(surfaces);
        if (!missing.isEmpty()) {
            throw new NotReadyException("No API key for " + String.join(" and ", missing) + ": set "
                    + (missing.size() == 1 ? "that environment variable" : "those environment variables")
                    + " or enter the key in Settings (or use --surface simulated:demo to try without keys).", null);
        }
    }

    /** The engine of this workspace, created on first use with these options. */
    public synchronized AuditEngine engine(EngineOptions options) {
        if (engine == null) {
            LlmClients c = clients();
            engine = new AuditEngine(new StoreBackedEngineStore(batches, runs, answers, prices()), c::forSurface,
                    options, Clock.systemUTC(), AuditEngine.processOwner(), this::limiter);
        }
        return engine;
    }

    /** The models each provider offers to the configured keys. */
    public ModelCatalog models() {
        LlmClients c = clients();
        return new ModelCatalog(c::forProvider);
    }

    private synchronized LlmClients clients() {
        if (clients == null) {
            AppSettings s = settings();
            LlmConfig config = LlmConfig.fromEnvironment(env)
                    .withDefaultBaseUrls(baseUrlsOf(s), env)
                    .withKeys(this::keyFor)
                    .withRequestTimeout(Duration.ofSeconds(s.requestTimeoutSeconds()));
            baseUrls = config.baseUrls();
            clients = new LlmClients(config, this::limiter);
        }
        return clients;
    }

    /**
     * The provider's limiter, shared by the whole process (every workspace, batch and window) for
     * the same provider and base URL: the account's rate limits hold across all of them.
     */
    private PacedLimiter limiter(Provider provider) {
        return Pacing.processWide().limiter(provider, baseUrls.get(provider));
    }

    private static Map<Provider, String> baseUrlsOf(AppSettings s) {
        Map<Provider, String> urls = new java.util.EnumMap<>(Provider.class);
        for (Provider p : Provider.remote()) {
            if (s.baseUrl(p) != null) urls.put(p, s.baseUrl(p));
        }
        return urls;
    }

    private Optional<String> keyFor(Provider provider) {
        return keys.key(provider);
    }

    @Override
    public synchronized void close() {
        if (engine != null) engine.close();
        if (clients != null) clients.close();
        database.close();
    }
}

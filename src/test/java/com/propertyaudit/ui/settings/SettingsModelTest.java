package com.propertyaudit.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.Provider;
import com.propertyaudit.settings.ApiKeys;
import com.propertyaudit.settings.MemoryKeychain;
import com.propertyaudit.settings.SettingsStore;
import com.propertyaudit.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings view model without a stage: validation, saving, prices, keys. */
class SettingsModelTest {

    /** Providers that cannot be reached: no list, and a test says so. */
    static final SettingsModel.ModelLists NO_MODELS = new SettingsModel.ModelLists() {
        @Override
        public java.util.Optional<List<String>> offered(Provider p) {
            return java.util.Optional.empty();
        }

        @Override
        public String check(Provider p) {
            return p.displayName() + " could not be reached.";
        }
    };


    @TempDir
    Path home;

    @Test
    void aBadUrlOrSurfaceOrPriceNamesWhatToFix() {
        SettingsModel m = new SettingsModel(new SettingsStore(home), new ApiKeys(Map.of(), new MemoryKeychain()), Background.direct(), NO_MODELS);
        assertThat(m.problem().get()).isEmpty();
        m.baseUrls.get(Provider.OPENAI).set("api.openai.com");
        assertThat(m.problem().get()).contains("'api.openai.com' is not a URL");
        m.baseUrls.get(Provider.OPENAI).set("http://localhost:8080/v1");
        m.defaultSurfaces.set("openai:gpt-5, bing:chat");
        assertThat(m.problem().get()).startsWith("Default surfaces:");
        m.defaultSurfaces.set("openai:gpt-5");
        m.prices.get(0).input.set("cheap");
        assertThat(m.problem().get()).contains("must be two numbers");
        assertThat(m.save()).isFalse();
        m.prices.get(0).input.set("1.25");
        assertThat(m.problem().get()).isEmpty();
    }

    @Test
    void savesOnlyPricesThatDifferFromTheBuiltInTable() throws Exception {
        SettingsStore store = new SettingsStore(home);
        SettingsModel m = new SettingsModel(store, new ApiKeys(Map.of(), new MemoryKeychain()), Background.direct(), NO_MODELS);
        m.prices.stream().filter(r -> r.prefix.get().equals("gpt-5")).findFirst().orElseThrow().output.set("12");
        m.addPriceRow();
        m.prices.get(m.prices.size() - 1).prefix.set("my-model");
        m.prices.get(m.prices.size() - 1).input.set("0.5");
        m.concurrency.set(16);
        assertThat(m.save()).isTrue();
        assertThat(store.load().prices()).containsOnly(Map.entry("gpt-5", List.of(1.25, 12.0)),
                Map.entry("my-model", List.of(0.5, 0.0)));
        assertThat(store.load().concurrency()).isEqualTo(16);
        // A second model reads back what was saved.
        SettingsModel again = new SettingsModel(store, new ApiKeys(Map.of(), new MemoryKeychain()), Background.direct(), NO_MODELS);
        assertThat(again.prices.stream().filter(r -> r.prefix.get().equals("my-model")).findFirst().orElseThrow()
                .input.get()).isEqualTo("0.5");
    }

    @Test
    void aPriceListedTwiceIsRefused() {
        SettingsModel m = new SettingsModel(new SettingsStore(home), new ApiKeys(Map.of(), new MemoryKeychain()), Background.direct(), NO_MODELS);
        m.addPriceRow();
        m.prices.get(m.prices.size() - 1).prefix.set("gpt-5");
        assertThat(m.problem().get()).isEqualTo("The price of 'gpt-5' is listed twice.");
    }

    @Test
    void theThemeIsKeptAtOnce() {
        SettingsStore store = new SettingsStore(home);
        SettingsModel m = new SettingsModel(store, new ApiKeys(Map.of(), new MemoryKeychain()), Background.direct(), NO_MODELS);
        m.theme.set("dark");
        assertThat(store.load().theme()).isEqualTo("dark");
    }

    @Test
    void aKeyGoesToTheKeychainNeverToTheSettingsFile() throws Exception {
        MemoryKeychain keychain = new MemoryKeychain();
        SettingsStore store = new SettingsStore(home);
        SettingsModel m = new SettingsModel(store, new ApiKeys(Map.of(), keychain), Background.direct(), NO_MODELS);
        java.util.concurrent.atomic.AtomicBoolean cleared = new java.util.concurrent.atomic.AtomicBoolean();
        m.storeKey(Provider.OPENAI, "sk-test-1234567890abcdef", () -> cleared.set(true));
        assertThat(cleared).isTrue();
        assertThat(m.keyState(Provider.OPENAI).get().note()).isEqualTo("Stored in the OS keychain");
        assertThat(m.keyState(Provider.OPENAI).get().masked()).isNotEmpty().doesNotContain("1234567890");
        m.storeKey(Provider.ANTHROPIC, "  ", () -> { throw new AssertionError("nothing was stored"); });
        assertThat(m.keyState(Provider.ANTHROPIC).get().note()).isEqualTo("Paste the key into the field first.");
        m.save();
        assertThat(Files.readString(store.file())).doesNotContain("sk-test");
        assertThat(keychain.secrets).containsValue("sk-test-1234567890abcdef");
    }

    @Test
    void anEnvironmentVariableIsSaidToOverrideTheKeychain() {
        SettingsModel m = new SettingsModel(new SettingsStore(home),
                new ApiKeys(Map.of("ANTHROPIC_API_KEY", "sk-ant-xyz"), new MemoryKeychain()), Background.direct(), NO_MODELS);
        assertThat(m.keyState(Provider.ANTHROPIC).get().note()).startsWith("Reading the OS keychain");
        m.readKeys();
        assertThat(m.keyState(Provider.ANTHROPIC).get().note()).contains("ANTHROPIC_API_KEY")
                .contains("overrides the keychain");
        assertThat(m.keyState(Provider.ANTHROPIC).get().canStore()).isTrue();
    }

    @Test
    void modelListsAreOfferedAndARetiredDefaultIsWarned() {
        SettingsModel m = new SettingsModel(new SettingsStore(home),
                new ApiKeys(Map.of("ANTHROPIC_API_KEY", "sk-ant-xyz"), new MemoryKeychain()), Background.direct(),
                new SettingsModel.ModelLists() {
                    @Override
                    public java.util.Optional<List<String>> offered(Provider p) {
                        return p == Provider.ANTHROPIC ? java.util.Optional.of(List.of("claude-sonnet-4-6",
                                "claude-haiku-4-5")) : java.util.Optional.empty();
                    }

                    @Override
                    public String check(Provider p) {
                        return "Connected: 2 models offered";
                    }
                });
        m.defaultSurfaces.set("anthropic:claude-sonnet-4-5");
        assertThat(m.retirements().get()).contains("was retired on 2026-11-30");
        m.readModels();
        // Only providers with a key are asked.
        assertThat(m.offeredModels).containsExactly("anthropic:claude-haiku-4-5", "anthropic:claude-sonnet-4-6");
        assertThat(m.modelsStatus.get()).startsWith("2 models offered");
        m.addDefaultSurface("anthropic:claude-sonnet-4-6", true);
        m.addDefaultSurface("anthropic:claude-sonnet-4-6", true);
        assertThat(m.defaultSurfaces.get()).isEqualTo("anthropic:claude-sonnet-4-5, anthropic:claude-sonnet-4-6+web");
        m.testConnection(Provider.ANTHROPIC);
        assertThat(m.connection.get(Provider.ANTHROPIC).get()).isEqualTo("Connected: 2 models offered");
    }
}

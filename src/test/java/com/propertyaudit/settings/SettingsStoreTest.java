package com.propertyaudit.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void defaultsWhenNothingSaved() {
        AppSettings s = new SettingsStore(home).load();
        assertThat(s).isEqualTo(AppSettings.defaults());
        assertThat(s.concurrency()).isEqualTo(AppSettings.AUTO);
        assertThat(s.requestTimeoutSeconds()).isEqualTo(600);
        assertThat(s.defaultSurfaces()).containsExactly("openai:gpt-5-mini", "anthropic:claude-sonnet-4-6");
    }

    @Test
    void savedSettingsComeBackAndNoTemporaryFileIsLeft() throws Exception {
        SettingsStore store = new SettingsStore(home);
        AppSettings s = AppSettings.defaults()
                .withConnection("http://127.0.0.1:9/v1", null, List.of("simulated:demo"), 4, 30, 3)
                .withTheme("dark")
                .withPrices(Map.of("gpt-5", List.of(1.25, 10.0)))
                .withWindow(new AppSettings.WindowBounds(10, 20, 1200, 800, false));
        store.save(s);
        assertThat(store.load()).isEqualTo(s);
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void theFixedEightOfEarlierVersionsBecomesAutoAndAChosenCapStays() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"concurrency\": 8, \"samples\": 2}");
        assertThat(new SettingsStore(home).load().concurrency()).isEqualTo(AppSettings.AUTO);
        Files.writeString(home.resolve("settings.json"), "{\"requestsInFlight\": 12}");
        assertThat(new SettingsStore(home).load().concurrency()).isEqualTo(12);
    }

    @Test
    void aDamagedFileGivesDefaultsAndIsKeptAside() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{ not json");
        assertThat(new SettingsStore(home).load()).isEqualTo(AppSettings.defaults());
        assertThat(home.resolve("settings.damaged.json")).exists();
    }

    @Test
    void outOfRangeValuesAreBroughtBack() {
        AppSettings s = AppSettings.defaults().withConnection(" ", null, List.of(), 500, -1, 0);
        assertThat(s.openAiBaseUrl()).isNull();
        assertThat(s.concurrency()).isEqualTo(64);
        assertThat(s.requestTimeoutSeconds()).isEqualTo(600);
        assertThat(s.samples()).isEqualTo(1);
    }
}

package com.propertyaudit.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.Provider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void environmentWinsOverTheKeychain() {
        MemoryKeychain chain = new MemoryKeychain();
        chain.set("OPENAI_API_KEY", "sk-from-keychain");
        ApiKeys keys = new ApiKeys(Map.of("OPENAI_API_KEY", "sk-from-env"), chain);
        assertThat(keys.key(Provider.OPENAI)).contains("sk-from-env");
        assertThat(keys.source(Provider.OPENAI)).isEqualTo(ApiKeys.Source.ENVIRONMENT);
    }

    @Test
    void keychainIsUsedWhenTheVariableIsUnsetOrBlank() {
        MemoryKeychain chain = new MemoryKeychain();
        ApiKeys keys = new ApiKeys(Map.of("ANTHROPIC_API_KEY", "  "), chain);
        assertThat(keys.key(Provider.ANTHROPIC)).isEmpty();
        assertThat(keys.source(Provider.ANTHROPIC)).isEqualTo(ApiKeys.Source.NONE);
        keys.store(Provider.ANTHROPIC, " sk-ant-123456789 ");
        assertThat(keys.key(Provider.ANTHROPIC)).contains("sk-ant-123456789");
        assertThat(keys.source(Provider.ANTHROPIC)).isEqualTo(ApiKeys.Source.KEYCHAIN);
        keys.forget(Provider.ANTHROPIC);
        assertThat(keys.key(Provider.ANTHROPIC)).isEmpty();
    }

    @Test
    void simulatedNeedsNoKey() {
        ApiKeys keys = new ApiKeys(Map.of(), new MemoryKeychain());
        assertThat(ApiKeys.variable(Provider.SIMULATED)).isNull();
        assertThat(keys.key(Provider.SIMULATED)).isEmpty();
    }

    @Test
    void maskingShowsOnlyEnoughToRecognise() {
        assertThat(ApiKeys.masked("sk-proj-abcdefghijklmnop1234")).isEqualTo("sk-…1234");
        assertThat(ApiKeys.masked("short")).isEqualTo("••••");
        assertThat(ApiKeys.masked(null)).isEmpty();
    }
}

package com.propertyaudit.llm;

import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The models each provider offers to this key, read from its model list, so that a retired or
 * misspelt model is refused before a batch is created instead of failing every query.
 */
public final class ModelCatalog {

    private final Function<Provider, LlmClient> clients;
    private final Map<Provider, Optional<List<String>>> read = new EnumMap<>(Provider.class);

    public ModelCatalog(Function<Provider, LlmClient> clients) {
        this.clients = clients;
    }

    /**
     * The provider's model ids, or empty when the list could not be read in time (no key, a server
     * without a model list, the network): the check is then left to the first request of the run.
     */
    public synchronized Optional<List<String>> offered(Provider provider, Duration wait) {
        return read.computeIfAbsent(provider, p -> {
            try {
                return Optional.of(List.copyOf(clients.apply(p).models().get(wait.toMillis(), TimeUnit.MILLISECONDS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * One cheap call to a provider — its model list, which costs nothing — and what it found, as a
     * sentence for Settings' "Test connection".
     */
    public String check(Provider provider, Duration wait) {
        try {
            List<String> ids = clients.apply(provider).models().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return "Connected: " + ids.size() + " models offered" + (ids.isEmpty() ? "." : " (" + shortList(ids) + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The test was interrupted.";
        } catch (TimeoutException e) {
            return "No answer within " + wait.toSeconds() + " s: check the base URL and the network.";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause instanceof LlmException le ? le.getMessage() : "The test failed: " + cause.getMessage();
        }
    }

    /** A sentence for each surface whose model its provider's list does not have. */
    public List<String> unavailable(List<Surface> surfaces, Duration wait) {
        List<String> problems = new ArrayList<>();
        for (Surface s : surfaces) {
            offered(s.provider(), wait).filter(ids -> !offers(ids, s.model())).ifPresent(ids -> problems.add(
                    s.provider().displayName() + " does not offer the model '" + s.model() + "' to this key (it may be"
                            + " retired or misspelt); choose one of: " + shortList(ids) + "."));
        }
        return problems;
    }

    /** Ollama lists "llama3.2:latest" for the model asked for as "llama3.2". */
    private static boolean offers(List<String> ids, String model) {
        return ids.contains(model) || ids.contains(model + ":latest");
    }

    private static String shortList(List<String> ids) {
        List<String> sorted = ids.stream().sorted().toList();
        return sorted.size() <= 12 ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, 12)) + " … (" + sorted.size() + " in all)";
    }
}

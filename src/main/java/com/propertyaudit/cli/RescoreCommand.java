package com.propertyaudit.cli;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.store.BatchSummary;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code propertyaudit rescore}: re-score stored answers against the property as it is now, offline. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Re-score stored answers offline after a property's aliases, domains or competitors changed.")
final class RescoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", required = true, paramLabel = "ID|all", description = "A batch id, or 'all' of the property.")
    String batch;

    @Option(names = "--property", required = true, paramLabel = "NAME", description = "The property to score against.")
    String property;

    @Override
    public Integer call() {
        if (!batch.equalsIgnoreCase("all")) Batches.check("--batch", batch);
        try (Workspace ws = Workspaces.open()) {
            if (ws.properties().idOf(property).isEmpty()) {
                throw UserError.badInput("No property named '" + property + "'. 'propertyaudit property list' shows them.");
            }
            List<UUID> ids;
            if (batch.equalsIgnoreCase("all")) {
                ids = ws.batches().list(property).stream()
                        .filter(b -> !b.status().isLive()).map(BatchSummary::batchId).toList();
            } else {
                UUID id = Batches.resolve(ws, batch, null);
                BatchStatus status = BatchStatus.of(ws.batches().runs(id).stream().map(r -> r.status()).toList());
                if (status.isLive()) throw UserError.badInput("Batch " + batch + " is still running; re-score it once it ends.");
                // Another stored property's batch would get this property's numbers under its own name.
                // (A batch whose property was since renamed has no stored namesake and may be re-scored.)
                String own = ws.batches().find(id).orElseThrow().propertyName();
                if (!own.equals(property) && ws.properties().idOf(own).isPresent()) {
                    throw UserError.badInput("Batch " + batch + " is of '" + own + "', not '" + property
                            + "': re-score it against its own property (--property \"" + own + "\").");
                }
                ids = List.of(id);
            }
            int answers = 0;
            for (UUID id : ids) answers += ws.insights().rescore(id, property);
            spec.commandLine().getOut().printf("Re-scored %d answers in %d batch(es) against '%s' version %d.%n",
                    answers, ids.size(), Terminal.safe(property), ws.properties().versionOf(property));
            return PropertyAuditCommand.OK;
        }
    }
}

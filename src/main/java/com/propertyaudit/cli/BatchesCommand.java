package com.propertyaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.store.BatchSummary;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code propertyaudit batches}: past batches, newest first, with their batch status. */
@Command(name = "batches", mixinStandardHelpOptions = true, description = "List batches, newest first.")
final class BatchesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--property", paramLabel = "NAME", description = "Only this property's batches.")
    String property;

    @Option(names = "--json", description = "One JSON array.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = Workspaces.open()) {
            ws.engine(com.propertyaudit.engine.EngineOptions.defaults()).detectInterrupted();
            List<BatchSummary> all = ws.batches().list(property);
            var out = spec.commandLine().getOut();
            if (json) {
                ArrayNode arr = new ObjectMapper().createArrayNode();
                for (BatchSummary b : all) {
                    ObjectNode o = arr.addObject();
                    o.put("batchId", b.batchId().toString());
                    o.put("property", b.property());
                    o.put("createdAt", b.createdAt().toString());
                    o.put("status", b.status().id());
                    ArrayNode s = o.putArray("surfaces");
                    b.surfaces().forEach(s::add);
                    o.put("answers", b.answers());
                    o.put("expectedAnswers", b.expectedAnswers());
                }
                out.println(arr);
            } else if (all.isEmpty()) {
                out.println(property == null ? "No batches yet. Start one with 'propertyaudit run --property NAME'."
                        : "No batches for '" + Terminal.safe(property) + "'.");
            } else {
                out.printf(Locale.ROOT, "%-8s  %-19s  %-11s %9s  %-30s %s%n", "BATCH", "CREATED (UTC)", "STATUS",
                        "ANSWERS", "PROPERTY", "SURFACES");
                for (BatchSummary b : all) {
                    out.printf(Locale.ROOT, "%s  %s  %-11s %4d/%-4d  %-30s %s%n", b.batchId().toString().substring(0, 8),
                            b.createdAt().toString().substring(0, 19).replace('T', ' '), b.status().id(), b.answers(),
                            b.expectedAnswers(), Terminal.safe(b.property()), Terminal.safe(String.join(", ", b.surfaces())));
                }
            }
            return PropertyAuditCommand.OK;
        }
    }
}

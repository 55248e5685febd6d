package com.propertyaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.propertyaudit.domain.Property;
import com.propertyaudit.report.UserFiles;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.store.PropertyJson;
import com.propertyaudit.store.PropertySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code propertyaudit property import|export|list}. */
@Command(name = "property", mixinStandardHelpOptions = true,
        description = "Import, export and list properties.",
        subcommands = {PropertyCommand.Import.class, PropertyCommand.Export.class, PropertyCommand.ListProperties.class})
final class PropertyCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Create or update the property with the file's name; prints its id.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "P.json", description = "A property file (see the README for its format).")
        Path file;

        @Option(names = "--queries", paramLabel = "Q.csv",
                description = "Take the queries from this CSV (text, topic) instead of the property file's.")
        Path queries;

        @Override
        public Integer call() throws IOException {
            Property p;
            try {
                p = PropertyJson.read(file);
            } catch (PropertyJson.InvalidPropertyException e) {
                throw UserError.badInput(e.getMessage());
            }
            if (queries != null) p = p.withQueries(queriesFrom(queries));
            try (Workspace ws = Workspaces.open()) {
                long id = ws.properties().save(p);
                spec.commandLine().getOut().println(id);
                return PropertyAuditCommand.OK;
            }
        }
    }

    /** The queries of a CSV file; any bad row refuses the whole file, naming each row's line. */
    static List<com.propertyaudit.domain.AuditQuery> queriesFrom(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) throw UserError.badInput("--queries '" + csv + "' is not a file.");
        com.propertyaudit.store.QueryCsv.Result r = com.propertyaudit.store.QueryCsv.read(csv);
        if (!r.problems().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var problem : r.problems()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(csv).append(problem.line() == 0 ? "" : ":" + problem.line())
                        .append(' ').append(problem.message());
            }
            throw UserError.badInput(sb + ". Fix the rows and import again; nothing was stored.");
        }
        if (r.queries().isEmpty()) throw UserError.badInput(csv + " holds no query: one query a row, text then topic.");
        return r.queries();
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a stored property as a property file (standard output without --out).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The property's name.")
        String name;

        @Option(names = "--out", paramLabel = "P.json", description = "File to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (Workspace ws = Workspaces.open()) {
                Property p = ws.properties().findByName(name).orElseThrow(() -> UserError.badInput(
                        "No property named '" + name + "'. 'propertyaudit property list' shows them."));
                String json = PropertyJson.write(p);
                if (out == null) {
                    spec.commandLine().getOut().print(json);
                    spec.commandLine().getOut().flush();
                } else {
                    if (out.toString().isBlank() || Files.isDirectory(out)) {
                        throw UserError.badInput("--out '" + out + "' is not a file name: give the path of the"
                                + " property file to write, like property.json.");
                    }
                    Path dir = out.toAbsolutePath().getParent();
                    Files.createDirectories(dir);
                    Path tmp = UserFiles.temporary(dir, ".property-", ".tmp");
                    Throwable failure = null;
                    try {
                        Files.writeString(tmp, json);
                        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (Throwable e) {
                        failure = e;
                        throw e;
                    } finally {
                        UserFiles.remove(tmp, failure);
                    }
                }
                return PropertyAuditCommand.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored properties.")
    static final class ListProperties implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "One JSON array.")
        boolean json;

        @Override
        public Integer call() {
            try (Workspace ws = Workspaces.open()) {
                List<PropertySummary> all = ws.properties().list();
                var out = spec.commandLine().getOut();
                if (json) {
                    ObjectMapper m = new ObjectMapper();
                    ArrayNode arr = m.createArrayNode();
                    for (PropertySummary s : all) {
                        arr.addObject().put("id", s.id()).put("name", s.name()).put("competitors", s.competitors())
                                .put("queries", s.queries()).put("version", s.version())
                                .put("updatedAt", s.updatedAt().toString());
                    }
                    out.println(arr);
                } else if (all.isEmpty()) {
                    out.println("No properties yet. Add one with 'propertyaudit property import P.json'.");
                } else {
                    out.printf("%-6s %-40s %11s  %7s  %s%n", "ID", "NAME", "COMPETITORS", "QUERIES", "VERSION");
                    for (PropertySummary s : all) {
                        out.printf("%-6d %-40s %11d  %7d  v%d%n", s.id(), Terminal.safe(s.name()),
                                s.competitors(), s.queries(), s.version());
                    }
                }
                return PropertyAuditCommand.OK;
            }
        }
    }
}

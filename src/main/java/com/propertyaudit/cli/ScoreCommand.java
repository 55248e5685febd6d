package com.propertyaudit.cli;

import com.propertyaudit.domain.Property;
import com.propertyaudit.report.UserFiles;
import com.propertyaudit.store.PropertyJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code propertyaudit score}: scores a JSON Lines file of answers offline (score-cli.md). */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score answers against a property, offline: one JSON result line per answer line.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--property", required = true, paramLabel = "P.json",
            description = "The property file (name, aliases, domains, competitors).")
    Path propertyFile;

    @Option(names = "--answers", required = true, paramLabel = "A.jsonl",
            description = "JSON Lines: {\"id\": …, \"text\": …, \"citations\": [{\"url\": …}]} per line.")
    Path answersFile;

    @Option(names = "--out", paramLabel = "R.jsonl",
            description = "Write results here instead of standard output (replaced only on success).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Property property;
        try {
            property = PropertyJson.read(propertyFile);
        } catch (PropertyJson.InvalidPropertyException e) {
            throw UserError.badInput(e.getMessage());
        }
        if (!Files.isReadable(answersFile) || Files.isDirectory(answersFile)) {
            throw UserError.badInput(answersFile + ": the answers file does not exist or cannot be read.");
        }
        // Results go to a temporary file first so that bad input half-way leaves nothing written.
        if (out != null && out.toString().isBlank()) {
            throw UserError.badInput("--out is empty: give the path of the results file to write, or leave --out out"
                    + " for standard output.");
        }
        Path dir = out == null ? null : out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw UserError.badInput("--out " + out + ": the folder " + dir + " does not exist; create it or choose another.");
        }
        if (out != null && Files.isDirectory(out)) {
            throw UserError.badInput("--out " + out + " is a folder; give the path of the results file to write.");
        }
        Path tmp = dir == null ? UserFiles.temporary(null, "propertyaudit-score", ".jsonl")
                : UserFiles.temporary(dir, ".score-", ".tmp");
        try {
            try (OutputStream sink = Files.newOutputStream(tmp)) {
                new AnswerFileScorer(property).score(answersFile, sink);
            }
            if (out == null) {
                Files.copy(tmp, System.out);
                System.out.flush();
            } else {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return PropertyAuditCommand.OK;
        } catch (AnswerFileScorer.BadAnswerLine e) {
            throw UserError.badInput(e.getMessage());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

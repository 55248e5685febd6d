package com.propertyaudit.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.store.PropertyJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of {@link AnswerScorer#score} on one thread, over a generated corpus (see
 * {@link BenchCorpus}). Not a test: run it by hand.
 *
 * <pre>
 * ./mvnw -q -B -o test-compile exec:java -Dexec.mainClass=com.propertyaudit.bench.ScoringBench \
 *     -Dexec.args="[--answers N] [--rounds N] [--seed N] [--write DIR]"
 * </pre>
 *
 * With {@code --write DIR} it writes {@code property.json} and {@code answers.jsonl} for timing the
 * {@code score} command instead of measuring.
 */
public final class ScoringBench {

    private ScoringBench() {}

    public static void main(String[] args) throws IOException {
        int answers = 50_000;
        int rounds = 7;
        long seed = 20_251_128L;
        Path writeTo = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--answers" -> answers = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--write" -> writeTo = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --answers N, --rounds N, --seed N, --write DIR");
            }
        }
        BenchCorpus corpus = new BenchCorpus(seed);
        List<BenchCorpus.Answer> generated = corpus.answers(answers);
        if (writeTo != null) {
            write(corpus, generated, writeTo);
        } else {
            measure(corpus, generated, rounds);
        }
    }

    private static void measure(BenchCorpus corpus, List<BenchCorpus.Answer> answers, int rounds) {
        long bytes = answers.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum();
        int aliases = corpus.property().competitors().stream().mapToInt(c -> 1 + c.aliases().size()).sum();
        System.out.printf("%d answers, %.1f MB of text, mean %d bytes; %d competitors, %d competitor names and aliases%n",
                answers.size(), bytes / 1e6, bytes / answers.size(), corpus.property().competitors().size(), aliases);

        AnswerScorer scorer = new AnswerScorer(corpus.property());
        double checksum = 0;
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            checksum += scoreAll(scorer, answers);
        }
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            checksum += scoreAll(scorer, answers);
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[round] = bytes / 1e6 / seconds;
            System.out.printf("round %d: %.3f s, %.1f MB/s, %.0f answers/s%n",
                    round + 1, seconds, rates[round], answers.size() / seconds);
        }
        Arrays.sort(rates);
        System.out.printf("median: %.1f MB/s (checksum %.1f)%n", rates[rounds / 2], checksum);
    }

    /** Returns the sum of the scores so the work cannot be optimised away. */
    private static double scoreAll(AnswerScorer scorer, List<BenchCorpus.Answer> answers) {
        double sum = 0;
        for (BenchCorpus.Answer answer : answers) {
            sum += scorer.score(answer.text(), answer.citations()).score();
        }
        return sum;
    }

    private static void write(BenchCorpus corpus, List<BenchCorpus.Answer> answers, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path propertyFile = dir.resolve("property.json");
        Files.writeString(propertyFile, PropertyJson.write(corpus.property()), StandardCharsets.UTF_8);
        Path answersFile = dir.resolve("answers.jsonl");
        ObjectMapper json = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (BufferedWriter out = Files.newBufferedWriter(answersFile, StandardCharsets.UTF_8)) {
            for (BenchCorpus.Answer answer : answers) {
                var line = json.createObjectNode();
                line.put("id", answer.id());
                line.put("text", answer.text());
                var citations = line.putArray("citations");
                for (Citation citation : answer.citations()) {
                    citations.addObject().put("url", citation.url()).put("title", citation.title());
                }
                json.writeValue(out, line);
                out.write('\n');
            }
        }
        System.out.printf("wrote %s (%d bytes) and %s (%d answers, %.1f MB)%n", propertyFile, Files.size(propertyFile),
                answersFile, answers.size(), Files.size(answersFile) / 1e6);
    }
}

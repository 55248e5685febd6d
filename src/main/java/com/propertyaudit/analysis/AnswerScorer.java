package com.propertyaudit.analysis;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Property;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Scores answers for one property by the rules of score-cli.md. Everything that depends only on
 * the property (the alias automaton, the brand's registrable domains) is built once here; {@link
 * #score} keeps all its state on the stack, so one scorer may be shared by any number of threads.
 */
public final class AnswerScorer {

    private static final int BRAND = 0;

    private final List<String> entityNames;
    private final MentionFinder mentionFinder;
    private final Set<String> brandDomains;

    public AnswerScorer(Property property) {
        List<String> names = new ArrayList<>();
        List<MentionFinder.Alias> aliases = new ArrayList<>();
        addEntity(property.name(), property.aliases(), names, aliases);
        for (Competitor competitor : property.competitors()) {
            addEntity(competitor.name(), competitor.aliases(), names, aliases);
        }
        entityNames = List.copyOf(names);
        mentionFinder = new MentionFinder(aliases);
        Set<String> domains = new HashSet<>();
        for (String domain : property.domains()) {
            String registrable = RegistrableDomains.ofUrl(domain);
            if (registrable != null) domains.add(registrable);
        }
        brandDomains = Set.copyOf(domains);
    }

    private static void addEntity(String name, List<String> otherNames, List<String> names,
            List<MentionFinder.Alias> aliases) {
        int entity = names.size();
        names.add(name);
        aliases.add(new MentionFinder.Alias(entity, TextNormaliser.normaliseAlias(name)));
        for (String alias : otherNames) {
            aliases.add(new MentionFinder.Alias(entity, TextNormaliser.normaliseAlias(alias)));
        }
    }

    /**
     * @param text      the answer text; null or empty scores 0 with no mentions
     * @param citations sources returned beside the text; may be null
     */
    public AnswerScore score(String text, List<Citation> citations) {
        TreeSet<String> cited = new TreeSet<>();
        if (citations != null) {
            for (Citation citation : citations) {
                addIfPresent(cited, RegistrableDomains.ofUrl(citation.url()));
            }
        }
        List<Mention> mentions = List.of();
        int[] rankOf = new int[entityNames.size()];
        List<Integer> entitiesByRank = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            NormalisedText normalised = TextNormaliser.normalise(text);
            Links links = LinkScanner.scan(normalised.chars(), normalised.length());
            for (String host : links.hosts()) {
                addIfPresent(cited, RegistrableDomains.of(host));
            }
            MentionFinder.Matches matches = mentionFinder.find(normalised, links);
            mentions = new ArrayList<>(matches.count());
            for (int k = 0; k < matches.count(); k++) {
                int entity = matches.entities()[k];
                mentions.add(new Mention(entityNames.get(entity), entity == BRAND,
                        normalised.originalStart(matches.starts()[k]),
                        normalised.originalEnd(matches.ends()[k] - 1)));
                if (rankOf[entity] == 0) {
                    entitiesByRank.add(entity);
                    rankOf[entity] = entitiesByRank.size();
                }
            }
        }
        List<EntityRank> competitors = new ArrayList<>();
        for (int entity : entitiesByRank) {
            if (entity != BRAND) competitors.add(new EntityRank(entityNames.get(entity), rankOf[entity]));
        }
        Integer brandRank = rankOf[BRAND] == 0 ? null : rankOf[BRAND];
        boolean brandCited = cited.stream().anyMatch(brandDomains::contains);
        return new AnswerScore(brandRank != null, brandRank, brandCited, competitors,
                new ArrayList<>(cited), ScoreFormula.score(brandRank, brandCited), mentions);
    }

    /** The registrable domains of these sources, sorted; sources without one are left out. */
    public static SortedSet<String> domainsOf(List<Citation> sources) {
        TreeSet<String> out = new TreeSet<>();
        for (Citation c : sources) addIfPresent(out, RegistrableDomains.ofUrl(c.url()));
        return out;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) set.add(value);
    }
}

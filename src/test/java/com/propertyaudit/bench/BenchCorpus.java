package com.propertyaudit.bench;

import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic stand-in for real model answers: one property with 40 competitors (80 competitor
 * names and aliases) and answers of about 1.5 KB of English that mix names, URLs, bare domains,
 * e-mail addresses, Markdown lists, tables and emphasis, curly quotes and dashes.
 */
final class BenchCorpus {

    /** One answer line: {@code {"id","text","citations"}}. */
    record Answer(String id, String text, List<Citation> citations) {}

    private static final String[] FIRST = {"River", "Stone", "Cedar", "Harbor", "Pearl", "Willow", "Summit",
        "Union", "Alder", "Maple", "Lumen", "Brick", "Foundry", "Canal", "Orchard", "Meridian", "Beacon", "Juniper",
        "Tidewater", "Granary"};
    private static final String[] SECOND = {"Commons", "Lofts", "Flats", "Yard", "House", "Terrace", "Square",
        "Residences", "Place", "Station"};
    private static final String[] SITES = {"apartments.com", "zillow.com", "yelp.com", "rent.com",
        "apartmentlist.com", "reddit.com", "portlandmonthly.com", "news.bbc.co.uk", "trulia.com", "hotpads.com"};
    private static final String[] AMENITIES = {"rooftop deck", "fitness center", "bike room", "dog run",
        "co-working lounge", "in-unit laundry", "river views", "secured parking", "package lockers", "sauna"};
    private static final String[] QUALITIES = {"quiet", "bright", "well managed", "pricey", "spacious",
        "walkable", "pet-friendly", "modern", "responsive", "close to the streetcar"};
    private static final String[] FILLER = {
        "Rents in the Pearl District have risen about 4% over the last year, so it pays to compare concessions.",
        "Most communities here ask for first month's rent and a refundable deposit at signing.",
        "If you work downtown, the streetcar makes a car optional for most residents.",
        "Ask about parking: many buildings charge $150–$250 a month for a reserved space.",
        "Tours are usually available on weekdays, and several buildings offer self-guided tours.",
        "Keep in mind that older conversions tend to have more character but less soundproofing.",
        "Pet rent typically runs $35–$60 per month, with breed restrictions at some properties.",
        "Reviews change quickly, so check the most recent ones before you apply.",
    };

    private final SplittableRandom random;
    private final Property property;

    BenchCorpus(long seed) {
        random = new SplittableRandom(seed);
        property = generateProperty();
    }

    Property property() {
        return property;
    }

    private Property generateProperty() {
        List<Competitor> competitors = new ArrayList<>();
        for (int i = 0; competitors.size() < 40; i++) {
            String first = FIRST[i % FIRST.length];
            String second = SECOND[(i / FIRST.length + i) % SECOND.length];
            if (first.equals("Harbor")) continue;
            String name = (i % 3 == 0 ? "The " : "") + first + " " + second;
            String alias = i % 2 == 0 ? first + " " + second.charAt(0) + "X" : abbreviation(first, second);
            String domain = (first + second).toLowerCase(Locale.ROOT) + "pdx.com";
            competitors.add(new Competitor(name, List.of(alias), List.of(domain)));
        }
        return new Property("Harbor Point Lofts", List.of("Harbor Point", "HPL"), List.of("harborpointlofts.com"),
                new Location("Portland", "OR", "Pearl District"), competitors, List.of());
    }

    private static String abbreviation(String first, String second) {
        return "" + first.charAt(0) + first.charAt(1) + second.charAt(0);
    }

    List<Answer> answers(int count) {
        List<Answer> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            answers.add(new Answer("q" + (i % 25 + 1) + "-bench-" + (i + 1), text(), citations()));
        }
        return answers;
    }

    private String text() {
        StringBuilder sb = new StringBuilder(1800);
        int target = 1300 + random.nextInt(400);
        sb.append(pick(new String[] {"Here are some options worth a look:", "Great question! A few communities stand out.",
            "Based on recent reviews, these are the strongest picks:"})).append("\n\n");
        int item = 1;
        while (sb.length() < target) {
            switch (random.nextInt(9)) {
                case 0 -> sb.append(item++).append(". **").append(name()).append("** – ").append(pick(AMENITIES))
                        .append(" and ").append(pick(AMENITIES)).append(".\n");
                case 1 -> sb.append("- ").append(name()).append(": ").append(pick(QUALITIES)).append(", from $")
                        .append(1400 + random.nextInt(1200)).append("/month.\n");
                case 2 -> sb.append("See https://www.").append(domain()).append("/floorplans?unit=")
                        .append(random.nextInt(900)).append(" for current availability. ");
                case 3 -> sb.append("Listings on ").append(capitalise(pick(SITES))).append(" and ").append(pick(SITES))
                        .append(" show similar rents. ");
                case 4 -> sb.append("Residents say ").append(name()).append("’s ").append(pick(AMENITIES))
                        .append(" is “").append(pick(QUALITIES)).append("”. ");
                case 5 -> sb.append("Email leasing@").append(domain()).append(" to book a tour. ");
                case 6 -> sb.append("\n| ").append(name()).append(" | $").append(1500 + random.nextInt(900))
                        .append(" | ").append(pick(QUALITIES)).append(" |\n");
                case 7 -> sb.append("[").append(name()).append("](https://").append(domain()).append(") is ")
                        .append(pick(QUALITIES)).append(". ");
                default -> sb.append(pick(FILLER)).append(' ');
            }
        }
        return sb.toString();
    }

    private List<Citation> citations() {
        int count = random.nextInt(5);
        List<Citation> citations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            citations.add(new Citation("https://" + (random.nextBoolean() ? "www." : "") + pick(SITES) + "/portland/"
                    + random.nextInt(10_000), "Source " + (i + 1)));
        }
        return citations;
    }

    /** Mostly competitors, sometimes the brand, written as name or alias, now and then in lower case. */
    private String name() {
        int pick = random.nextInt(property.competitors().size() + 4);
        List<String> names = new ArrayList<>();
        if (pick >= property.competitors().size()) {
            names.add(property.name());
            names.addAll(property.aliases());
        } else {
            Competitor competitor = property.competitors().get(pick);
            names.add(competitor.name());
            names.addAll(competitor.aliases());
        }
        String name = names.get(random.nextInt(names.size()));
        return random.nextInt(10) == 0 ? name.toLowerCase(Locale.ROOT) : name;
    }

    private String domain() {
        if (random.nextInt(5) == 0) return property.domains().get(0);
        return property.competitors().get(random.nextInt(property.competitors().size())).domains().get(0);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

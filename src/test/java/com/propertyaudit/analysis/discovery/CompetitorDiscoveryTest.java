package com.propertyaudit.analysis.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Discovery on answers shaped like real ones (markdown lists, tables, bold names with descriptions,
 * "Name (Neighborhood)", numbered headings, neighbourhood headings over lists, tips and site names),
 * each with the names a reader would say it puts forward. Precision and recall go to
 * target/discovery-report.txt.
 */
class CompetitorDiscoveryTest {

    static final Property PROPERTY = new Property("Domain San Diego", List.of("Domain SD"), List.of("domainsandiego.com"),
            new Location("San Diego", "CA", "East Village"),
            List.of(new Competitor("Pinnacle on the Park", List.of("Pinnacle"), List.of()),
                    Competitor.named("Alta Little Italy")),
            List.of());

    record Case(String surface, String text, List<String> cited, Set<String> expected) {}

    static final List<Case> CORPUS = List.of(
            new Case("openai:gpt-5", """
                    Here are some of the best luxury apartments in East Village, San Diego:

                    1. **Pinnacle on the Park** – Rooftop pool with views of Petco Park and a 24-hour gym.
                    2. **The Rey** – Two towers with a huge amenity deck; popular with young professionals.
                    3. **Domain San Diego** – Newer building with co-working space and a dog run.
                    4. **Park 12** – Right next to Petco Park, modern finishes.
                    5. **Broadstone Makers Quarter** – Loft-style units, walkable to breweries.

                    **Pros:** walkable, close to the trolley.
                    **Cons:** game-day noise and parking can be pricey.

                    Note: prices change often, so check Apartments.com or Zillow for current listings.
                    """, List.of("apartments.com", "zillow.com"),
                    Set.of("The Rey", "Park 12", "Broadstone Makers Quarter")),
            new Case("anthropic:claude-sonnet-4-5", """
                    ## Top picks for pet owners

                    - **Shift** (East Village) - has a dedicated dog spa and park.
                    - **Park 12** (East Village) - pet-friendly with a rooftop dog run
                    - **Pinnacle** (East Village): allows two pets per unit.
                    - Allow extra for pet rent, which is typically $50–$75 per month.

                    ### Pricing
                    Expect $2,800–$3,600 for a one-bedroom.
                    """, List.of(), Set.of("Shift", "Park 12")),
            new Case("openai:gpt-5", """
                    | Community | Neighborhood | 1BR from |
                    |---|---|---|
                    | The Rey | East Village | $3,100 |
                    | Alta Little Italy | Little Italy | $3,050 |
                    | Vantage Pointe | Little Italy | $2,900 |
                    | Alexan Fifth | Bankers Hill | $2,750 |

                    Most of these offer move-in specials in winter.
                    """, List.of(), Set.of("The Rey", "Vantage Pointe", "Alexan Fifth")),
            new Case("anthropic:claude-sonnet-4-5", """
                    ### 1. The Rey
                    Two 20-story towers with a resort-style pool.

                    ### 2. Atlas Apartments
                    Smaller building, quieter streets.

                    ### 3. Domain SD
                    Newer, with a rooftop lounge.

                    ### Final Thoughts
                    All three are within walking distance of the trolley.
                    """, List.of(), Set.of("The Rey", "Atlas Apartments")),
            new Case("openai:gpt-5+web", """
                    ### Little Italy
                    * [Vantage Pointe](https://www.vantagepointeapts.com/) – tall tower with bay views.
                    * [Ariel Suites](https://www.arielsuites.com/) - furnished options.

                    ### East Village
                    * **[The Merian](https://www.themerian.com/)** – boutique building near Fault Line Park.
                    * Yelp – browse resident reviews before touring.

                    Sources: yelp.com, apartmentratings.com
                    """, List.of("yelp.com", "apartmentratings.com", "vantagepointeapts.com"),
                    Set.of("Vantage Pointe", "Ariel Suites", "The Merian")),
            new Case("anthropic:claude-sonnet-4-5", """
                    I couldn't find specific information about Domain San Diego. Some well-reviewed options in the area:

                    1. Park 12 - steps from Petco Park
                    2. Shift Apartments: known for its dog spa
                    3. Consider touring on a weekday when leasing offices are less busy.
                    4. Look at reviews on Google before signing a lease.
                    """, List.of(), Set.of("Park 12", "Shift Apartments")),
            new Case("openai:gpt-5", """
                    **Best for budget-conscious renters**

                    - **Alexan Fifth** at $2,600/month is the value pick.
                    - **Atlas** – no amenity fee.

                    **Key features to compare:**
                    - Parking: usually $150–$250/month
                    - Utilities: often billed separately
                    """, List.of(), Set.of("Alexan Fifth", "Atlas")),
            new Case("simulated:demo", """
                    Here are some options renters often recommend for "quiet apartments" in San Diego:

                    1. **Broadstone Makers Quarter** – known for a resident lounge.
                    2. **Alta Little Italy** – known for a rooftop deck.
                    3. **The Merian** – known for responsive on-site management.

                    Availability and prices change often, so check current listings on Apartments.com.
                    """, List.of("apartments.com"), Set.of("Broadstone Makers Quarter", "The Merian")));

    @Test
    void findsExactlyTheNamesTheAnswersPutForwardAndReportsPrecisionAndRecall() throws IOException {
        int truePositives = 0;
        int found = 0;
        int expected = 0;
        StringBuilder report = new StringBuilder("Competitor discovery on " + CORPUS.size() + " answers\n");
        for (Case c : CORPUS) {
            List<DiscoveredName> names = CompetitorDiscovery.discover(PROPERTY,
                    List.of(new DiscoveryInput(c.surface(), c.text(), c.cited())));
            Set<String> got = new HashSet<>();
            names.forEach(n -> got.add(n.name()));
            Set<String> hit = new HashSet<>(got);
            hit.retainAll(c.expected());
            truePositives += hit.size();
            found += got.size();
            expected += c.expected().size();
            report.append("  expected ").append(c.expected()).append("  found ").append(got).append('\n');
            assertThat(got).as(c.text()).isEqualTo(c.expected());
        }
        double precision = found == 0 ? 1 : (double) truePositives / found;
        double recall = expected == 0 ? 1 : (double) truePositives / expected;
        report.append(String.format(Locale.ROOT, "precision %.3f (%d/%d), recall %.3f (%d/%d)%n", precision,
                truePositives, found, recall, truePositives, expected));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "discovery-report.txt"), report);
        assertThat(precision).isEqualTo(1.0);
        assertThat(recall).isEqualTo(1.0);
    }

    @Test
    void countsAnswersPerSurfaceMostNamedFirstAndMergesSpellings() {
        List<DiscoveryInput> inputs = new ArrayList<>();
        for (Case c : CORPUS) inputs.add(new DiscoveryInput(c.surface(), c.text(), c.cited()));
        List<DiscoveredName> names = CompetitorDiscovery.discover(PROPERTY, inputs);
        assertThat(names.get(0).answers()).isGreaterThanOrEqualTo(names.get(names.size() - 1).answers());
        DiscoveredName rey = names.stream().filter(n -> n.name().equals("The Rey")).findFirst().orElseThrow();
        assertThat(rey.answers()).isEqualTo(3);
        assertThat(rey.bySurface()).containsEntry("openai:gpt-5", 2).containsEntry("anthropic:claude-sonnet-4-5", 1);
        DiscoveredName park = names.stream().filter(n -> n.name().equals("Park 12")).findFirst().orElseThrow();
        assertThat(park.answers()).isEqualTo(3);
        // "Atlas" and "Atlas Apartments" are different spellings a reader would merge, but the text
        // does not say they are one place: they stay apart.
        assertThat(names).extracting(DiscoveredName::name).contains("Atlas", "Atlas Apartments");
    }

    @Test
    void aNameOnceTrackedIsNoLongerDiscovered() {
        Property tracking = PROPERTY.withCompetitors(List.of(Competitor.named("The Rey")));
        List<DiscoveredName> names = CompetitorDiscovery.discover(tracking,
                List.of(new DiscoveryInput("openai:gpt-5", CORPUS.get(0).text(), List.of())));
        assertThat(names).extracting(DiscoveredName::name).doesNotContain("The Rey").contains("Pinnacle on the Park");
    }
}

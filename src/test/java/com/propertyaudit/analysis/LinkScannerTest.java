package com.propertyaudit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact link spans: what rule 6 masks and rule 8 reads. */
class LinkScannerTest {

    private static List<String> links(String text) {
        NormalisedText normalised = TextNormaliser.normalise(text);
        Links links = LinkScanner.scan(normalised.chars(), normalised.length());
        List<String> found = new ArrayList<>();
        for (int i = 0; i < links.spans().length; i += 2) {
            found.add(normalised.toString().substring(links.spans()[i], links.spans()[i + 1]));
        }
        return found;
    }

    private static List<String> hosts(String text) {
        NormalisedText normalised = TextNormaliser.normalise(text);
        return LinkScanner.scan(normalised.chars(), normalised.length()).hosts();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "See https://x.com/a.|https://x.com/a",
        "Go to https://x.com/a, then|https://x.com/a",
        "https://x.com/a?!|https://x.com/a",
        "(see https://x.com/a)|https://x.com/a",
        "[The Yard](https://theyardpdx.com)|https://theyardpdx.com",
        "https://en.wikipedia.org/wiki/Pearl_(Portland))|https://en.wikipedia.org/wiki/Pearl_(Portland)",
        "[x](https://x.com/a_(b)).|https://x.com/a_(b)",
        "**https://x.com/floorplans**|https://x.com/floorplans",
        "<https://x.com/a>|https://x.com/a",
        "Quote \"https://x.com/a\" here|https://x.com/a",
        "HTTP://X.COM/A|HTTP://X.COM/A",
    })
    void aUrlEndsBeforeTrailingPunctuationAndUnmatchedBrackets(String text, String url) {
        assertThat(links(text)).containsExactly(url);
    }

    @Test
    void onlyHttpAndHttpsStartAUrl() {
        assertThat(links("ftp://files.example.com/x and xhttps://y")).containsExactly("files.example.com/x");
    }

    @Test
    void aUrlsHostDropsUserInfoPortAndCase() {
        assertThat(hosts("https://me:pw@WWW.Example.COM:8080/path?q=1#top")).containsExactly("www.example.com");
    }

    @Test
    void aBareDomainKeepsItsPathButNotTrailingPunctuation() {
        assertThat(links("Listings: Apartments.com/portland-or/pearl.")).containsExactly("Apartments.com/portland-or/pearl");
        assertThat(hosts("Listings: Apartments.com/portland-or/pearl.")).containsExactly("apartments.com");
    }

    @Test
    void anEmailAddressIsMaskedButGivesNoHost() {
        assertThat(links("Email hello@dockmail.com.")).containsExactly("hello@dockmail.com");
        assertThat(hosts("Email hello@dockmail.com.")).isEmpty();
    }

    @Test
    void anAtSignWithoutADomainIsNoEmail() {
        assertThat(links("Follow @theyard or write a@b")).isEmpty();
    }

    @Test
    void aUrlContainingAnAtSignIsOneUrl() {
        assertThat(links("https://medium.com/@hpl/post")).containsExactly("https://medium.com/@hpl/post");
    }

    @Test
    void aDomainAfterAnIpAddressOrVersionIsNotTakenFromNumbers() {
        assertThat(links("v1.2.3 and 10.0.0.1 and 3.5")).isEmpty();
    }

    @Test
    void severalLinksComeInTextOrder() {
        assertThat(links("a.com, b@c.org and https://d.net/x"))
                .containsExactly("a.com", "b@c.org", "https://d.net/x");
    }

    @Test
    void textWithoutLinksHasNone() {
        assertThat(links("No links here. Just words.")).isEmpty();
    }
}

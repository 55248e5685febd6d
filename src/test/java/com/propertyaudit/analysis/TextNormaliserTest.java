package com.propertyaudit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule 2 in isolation, and the map from normalised offsets back to the original text. */
class TextNormaliserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Café|Cafe",
        "Cafe\u0301|Cafe",
        "HPL’s|HPL's",
        "“quoted”|\"quoted\"",
        "ＨＰＬ|HPL",
        "ﬁne|fine",
        "a\u00A0\u00A0b|a b",
        "snake_case_name|snake_case_name",
        "Zoë Köln Ñandú|Zoe Koln Nandu",
    })
    void normalisesLikeTheContractSays(String original, String normalised) {
        assertThat(TextNormaliser.normalise(original).toString()).isEqualTo(normalised);
    }

    @Test
    void tabsAndNewLinesAreOneSpace() {
        assertThat(TextNormaliser.normalise("a\t\n\r\nb").toString()).isEqualTo("a b");
    }

    @Test
    void emphasisMarkersTouchingWhiteSpaceJoinTheSpace() {
        assertThat(TextNormaliser.normalise("**Harbor** *Point*").toString()).isEqualTo("**Harbor Point*");
    }

    @Test
    void asciiTextWithSingleSpacesIsUnchanged() {
        String text = "Plain ASCII, with (brackets) and \"quotes\" and 'apostrophes'.";
        assertThat(TextNormaliser.normalise(text).toString()).isEqualTo(text);
    }

    @Test
    void eachNormalisedCharMapsBackToItsSource() {
        String text = "x\u00A0\u00A0Cafe\u0301 ﬁ";
        NormalisedText n = TextNormaliser.normalise(text);
        assertThat(n.toString()).isEqualTo("x Cafe fi");
        assertThat(n.originalStart(1)).isEqualTo(1);
        assertThat(n.originalEnd(1)).isEqualTo(3);
        assertThat(n.originalStart(5)).isEqualTo(6);
        assertThat(n.originalEnd(5)).isEqualTo(8);
        assertThat(n.originalStart(7)).isEqualTo(9);
        assertThat(n.originalEnd(7)).isEqualTo(10);
        assertThat(n.originalEnd(8)).isEqualTo(10);
    }

    @Test
    void surrogatePairsKeepTheirWidthInTheMap() {
        NormalisedText n = TextNormaliser.normalise("🏠 HPL");
        assertThat(n.toString()).isEqualTo("🏠 HPL");
        assertThat(n.originalStart(3)).isEqualTo(3);
    }

    @Test
    void aliasesLoseOuterSpaces() {
        assertThat(TextNormaliser.normaliseAlias("  Harbor\u00A0 Point\t")).isEqualTo("Harbor Point");
    }

    @Test
    void loneSurrogatesAndStrayMarksDoNotBreakNormalisation() {
        assertThat(TextNormaliser.normalise("\u0301a\uD800b\uDC00").toString()).isEqualTo("a\uD800b\uDC00");
    }
}

package com.propertyaudit.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.ui.AppContext;
import org.junit.jupiter.api.Test;

/** The editor's state and validation, without a stage. */
class PropertyEditorModelTest {

    @Test
    void theSamplePropertyIsValidAndRoundTrips() {
        PropertyEditorModel m = new PropertyEditorModel();
        m.load(AppContext.sampleProperty());
        assertThat(m.problem().get()).isEmpty();
        assertThat(m.dirty.get()).isFalse();
        assertThat(m.toProperty()).isEqualTo(AppContext.sampleProperty());
    }

    @Test
    void eachProblemIsNamedInASentence() {
        PropertyEditorModel m = new PropertyEditorModel();
        m.load(AppContext.sampleProperty());
        m.domains.set("http://domainsandiego.com/home");
        assertThat(m.problem().get()).contains("is not a web domain");
        assertThat(m.dirty.get()).isTrue();
        m.domains.set("domainsandiego.com, foo");
        assertThat(m.problem().get()).startsWith("'foo' is not a web domain");
        m.domains.set("domainsandiego.com");
        m.competitors.get(1).name.set(m.competitors.get(0).name.get());
        assertThat(m.problem().get()).contains("is listed twice");
        m.load(AppContext.sampleProperty());
        m.queries.clear();
        assertThat(m.problem().get()).isEqualTo("Add at least one query to audit.");
        m.name.set(" ");
        assertThat(m.problem().get()).isEqualTo("Enter the property's name.");
    }

    @Test
    void theFileLimitsHoldInTheFormToo() {
        PropertyEditorModel m = new PropertyEditorModel();
        m.load(AppContext.sampleProperty());
        m.name.set("\u00A0\u200B\u00A0");
        assertThat(m.problem().get()).startsWith("The name has no letter or digit");
        m.name.set("n".repeat(301));
        assertThat(m.problem().get()).isEqualTo("The name is 301 characters long; the limit is 300.");
        m.name.set("Domain San Diego");
        m.city.set("c".repeat(201));
        assertThat(m.problem().get()).isEqualTo("Field \"location.city\" is 201 characters long; the limit is 200.");
        m.city.set("San Diego");
        m.queries.get(0).topic.set("t".repeat(101));
        assertThat(m.problem().get()).isEqualTo("Field \"queries[0].topic\" is 101 characters long; the limit is 100.");
    }

    @Test
    void generatedQueriesUseTheLocationAndSkipExistingOnes() {
        PropertyEditorModel m = new PropertyEditorModel();
        m.load(AppContext.sampleProperty());
        var generated = m.generatedQueries();
        assertThat(generated).extracting(q -> q.text.get())
                .contains("apartments in East Village San Diego for families", "Domain San Diego vs Park 12")
                .doesNotHaveDuplicates();
        assertThat(generated).extracting(q -> q.text.get()).doesNotContain("Domain San Diego reviews")
                .as("already a query of the sample");
    }
}

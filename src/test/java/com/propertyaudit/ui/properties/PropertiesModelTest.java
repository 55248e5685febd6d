package com.propertyaudit.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.engine.Workspace;
import com.propertyaudit.ui.ModelFixtures;
import com.propertyaudit.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Properties view model on a real H2 file: save, rename, revert, import; no stage. */
class PropertiesModelTest {

    @TempDir
    Path home;

    Workspace ws;
    ModelFixtures.RecordingFeedback feedback = new ModelFixtures.RecordingFeedback();
    PropertiesModel model;

    @BeforeEach
    void open() {
        ws = ModelFixtures.workspace(home);
        model = new PropertiesModel(ws.properties(), Background.direct(), feedback);
        model.refresh(null);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void listsTheStoredPropertiesAndOpensOne() {
        assertThat(model.items).extracting(s -> s.name()).containsExactly("Domain San Diego");
        assertThat(model.toSelect.get().name()).isEqualTo("Domain San Diego");
        model.open("Domain San Diego");
        assertThat(model.editor.competitors).hasSize(6);
        assertThat(model.editor.dirty.get()).isFalse();
    }

    @Test
    void aNewPropertyMayNotTakeAStoredName() {
        model.startNew();
        model.editor.name.set("Domain San Diego");
        model.editor.queries.add(new PropertyEditorModel.QueryRow("best apartments", "discovery"));
        model.save();
        assertThat(feedback.errors).singleElement().asString()
                .contains("A property named 'Domain San Diego' is already stored: choose another name");
        assertThat(ws.properties().findByName("Domain San Diego").orElseThrow().queries()).hasSize(18);
    }

    @Test
    void savingOverSomeoneElsesChangeIsRefusedAndOffersToReload() {
        PropertiesModel other = new PropertiesModel(ws.properties(), Background.direct(), feedback);
        model.open("Domain San Diego");
        other.open("Domain San Diego");
        other.editor.city.set("La Jolla");
        other.save();
        assertThat(feedback.errors).isEmpty();

        model.editor.region.set("California");
        model.save();
        assertThat(feedback.notices).last().asString().startsWith("Changed by someone else: The property"
                + " 'Domain San Diego' was changed by someone else since you opened it");
        assertThat(ws.properties().findByName("Domain San Diego").orElseThrow().location().city()).isEqualTo("La Jolla");
        feedback.lastAction.run();
        assertThat(model.editor.city.get()).isEqualTo("La Jolla");
        model.editor.region.set("California");
        model.save();
        assertThat(ws.properties().findByName("Domain San Diego").orElseThrow().location().region()).isEqualTo("California");
        assertThat(ws.properties().findByName("Domain San Diego").orElseThrow().location().city()).isEqualTo("La Jolla");
    }

    @Test
    void savingUnderANewNameRenames() {
        model.open("Domain San Diego");
        model.editor.name.set("Domain SD");
        model.save();
        assertThat(feedback.errors).isEmpty();
        assertThat(model.items).extracting(s -> s.name()).containsExactly("Domain SD");
        assertThat(model.editor.originalName()).isEqualTo("Domain SD");
        assertThat(model.editor.dirty.get()).isFalse();
    }

    @Test
    void revertBringsBackTheStoredProperty() {
        model.open("Domain San Diego");
        model.editor.city.set("Los Angeles");
        assertThat(model.editor.dirty.get()).isTrue();
        model.revert();
        assertThat(model.editor.city.get()).isEqualTo("San Diego");
        assertThat(model.editor.dirty.get()).isFalse();
    }

    @Test
    void importingAFileOfAStoredNameSaysItReplacedIt() throws Exception {
        Path file = home.resolve("p.json");
        Files.writeString(file, "{\"name\": \"Domain San Diego\", \"queries\": [{\"text\": \"lofts downtown\"}]}");
        model.importFile(file);
        assertThat(feedback.notices).singleElement().asString().contains("Replaced 'Domain San Diego' from p.json");
        assertThat(ws.properties().findByName("Domain San Diego").orElseThrow().queries()).hasSize(1);
    }

    @Test
    void aBrokenFileIsRefusedWithTheReason() throws Exception {
        Path file = home.resolve("bad.json");
        Files.writeString(file, "{\"name\": \"X\", \"competitor\": []}");
        model.importFile(file);
        assertThat(feedback.errors).singleElement().asString().startsWith("The file could not be imported: ")
                .contains("competitor");
    }
}

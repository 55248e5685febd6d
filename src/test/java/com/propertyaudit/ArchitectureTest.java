package com.propertyaudit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md, kept by the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.propertyaudit");
    }

    @Test
    void onlyUiTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage("com.propertyaudit.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void domainAndAnalysisArePure() {
        ArchRule rule = noClasses().that().resideInAnyPackage("com.propertyaudit.domain..", "com.propertyaudit.analysis..")
                .should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "JavaFX, JDBC, HTTP clients, the file system or other layers",
                                c -> isForbiddenForPureCode(c.getName())));
        rule.check(classes);
    }

    @Test
    void domainDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("com.propertyaudit.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.propertyaudit.analysis..", "com.propertyaudit.llm..", "com.propertyaudit.engine..",
                        "com.propertyaudit.store..", "com.propertyaudit.report..", "com.propertyaudit.settings..",
                        "com.propertyaudit.cli..", "com.propertyaudit.ui..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("com.propertyaudit.llm..", "com.propertyaudit.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.propertyaudit.engine..", "com.propertyaudit.store..", "com.propertyaudit.report..",
                        "com.propertyaudit.settings..", "com.propertyaudit.cli..", "com.propertyaudit.ui..")
                .check(classes);
        noClasses().that().resideInAnyPackage("com.propertyaudit.engine..", "com.propertyaudit.store..",
                        "com.propertyaudit.report..", "com.propertyaudit.settings..")
                .should().dependOnClassesThat().resideInAnyPackage("com.propertyaudit.cli..", "com.propertyaudit.ui..")
                .check(classes);
        // Tracking sits above the engine and the store: they never reach up to it.
        noClasses().that().resideInAnyPackage("com.propertyaudit.engine..", "com.propertyaudit.store..",
                        "com.propertyaudit.report..", "com.propertyaudit.settings..", "com.propertyaudit.llm..",
                        "com.propertyaudit.analysis..", "com.propertyaudit.domain..")
                .should().dependOnClassesThat().resideInAPackage("com.propertyaudit.tracking..")
                .check(classes);
        noClasses().that().resideInAPackage("com.propertyaudit.tracking..")
                .should().dependOnClassesThat().resideInAnyPackage("com.propertyaudit.cli..", "com.propertyaudit.ui..")
                .check(classes);
        noClasses().that().resideInAPackage("com.propertyaudit.ui..")
                .should().dependOnClassesThat().resideInAPackage("com.propertyaudit.cli..")
                .check(classes);
    }

    static boolean isForbiddenForPureCode(String name) {
        if (name.equals("okhttp3.HttpUrl") || name.startsWith("okhttp3.HttpUrl$")) {
            return false; // its Public Suffix List lookup is how registrable domains are found
        }
        return name.startsWith("javafx.") || name.startsWith("java.sql.") || name.startsWith("javax.sql.")
                || name.startsWith("okhttp3.") || name.startsWith("java.net.http.")
                || name.startsWith("java.io.File") || name.startsWith("java.nio.file.")
                || name.startsWith("java.net.URLConnection") || name.startsWith("java.net.HttpURLConnection")
                || name.startsWith("java.net.Socket");
    }
}

package com.propertyaudit.analysis;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The analysis package is pure: the domain, the JDK, Jackson's tree model and OkHttp's HttpUrl. */
class AnalysisDependencyRulesTest {

    private static final JavaClasses ANALYSIS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.propertyaudit.analysis");

    @Test
    void dependsOnlyOnTheDomainTheJdkJacksonAndHttpUrl() {
        classes().that().resideInAPackage("com.propertyaudit.analysis")
                .should().onlyDependOnClassesThat(
                        resideInAnyPackage("com.propertyaudit.analysis", "com.propertyaudit.domain",
                                "java.lang..", "java.util..", "java.text..", "java.math..",
                                "com.fasterxml.jackson.databind..")
                                .or(name("okhttp3.HttpUrl"))
                                .or(name("com.google.common.net.InternetDomainName")))
                .check(ANALYSIS);
    }
}

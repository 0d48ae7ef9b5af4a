package io.visualcircuit.app.document;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DocumentArchitectureTest {
    private static final JavaClasses DOCUMENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.visualcircuit.app.document");

    @Test
    void documentLayerShouldNotUseJavaFx() {
        noClasses().that().resideInAPackage("io.visualcircuit.app.document..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "org.fxmisc..", "atlantafx..")
                .because("editing commands must be testable without starting JavaFX")
                .check(DOCUMENT);
    }

    @Test
    void documentLayerShouldNotReachIntoTheEditorViews() {
        noClasses().that().resideInAPackage("io.visualcircuit.app.document..")
                .should().dependOnClassesThat(resideInAPackage("io.visualcircuit.app..")
                        .and(not(resideInAPackage("io.visualcircuit.app.document.."))))
                .because("the views depend on the document, never the other way round")
                .check(DOCUMENT);
    }
}

package io.visualcircuit.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.visualcircuit.runtime.archfixture.RuntimeClassUsingJavaFx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module and package boundaries, written down as rules the build checks. The app module's tests
 * see the classes of every module, so the rules live here.
 */
class ArchitectureTest {

    static final ArchRule CORE_HAS_NO_JAVAFX = noClasses()
            .that().resideInAnyPackage("io.visualcircuit.ipc..", "io.visualcircuit.runtime..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("wires and the runtime run headless (vcircuit run on a robot, block processes) and must"
                    + " load without JavaFX");

    static final ArchRule IPC_IS_THE_BOTTOM_LAYER = noClasses()
            .that().resideInAPackage("io.visualcircuit.ipc..")
            .should().dependOnClassesThat().resideInAnyPackage("io.visualcircuit.runtime..", "io.visualcircuit.app..")
            .because("the wire library is used by the runtime and by outside tools and knows nothing about circuits");

    static final ArchRule RUNTIME_DOES_NOT_KNOW_THE_EDITOR = noClasses()
            .that().resideInAPackage("io.visualcircuit.runtime..")
            .should().dependOnClassesThat().resideInAPackage("io.visualcircuit.app..")
            .because("module dependencies go only app -> runtime -> ipc");

    static final ArchRule AGRONA_ONLY_IN_BENCHMARKS = noClasses()
            .that().resideOutsideOfPackage("io.visualcircuit.runtime.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.agrona..")
            .because("Agrona is only a yardstick for the wire benchmark; product code uses our own wires");

    static final ArchRule DOCUMENT_LAYER_HAS_NO_JAVAFX = noClasses()
            .that().resideInAPackage("io.visualcircuit.app.document..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("document commands, undo and saving are tested as plain Java without starting JavaFX");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.visualcircuit");
    }

    @Test
    void shouldSeeTheClassesOfEveryModule() {
        assertTrue(classes.containPackage("io.visualcircuit.ipc"));
        assertTrue(classes.containPackage("io.visualcircuit.app.document"));
        assertTrue(classes.containPackage("io.visualcircuit.runtime.circuit"));
        assertTrue(classes.containPackage("io.visualcircuit.runtime.format"));
        assertTrue(classes.containPackage("io.visualcircuit.app"));
    }

    @Test
    void shouldKeepJavaFxOutOfWiresAndRuntime() {
        CORE_HAS_NO_JAVAFX.check(classes);
    }

    @Test
    void shouldKeepTheWireLibraryFreeOfRuntimeAndEditor() {
        IPC_IS_THE_BOTTOM_LAYER.check(classes);
    }

    @Test
    void shouldKeepTheRuntimeFreeOfTheEditor() {
        RUNTIME_DOES_NOT_KNOW_THE_EDITOR.check(classes);
    }

    @Test
    void shouldUseAgronaOnlyInBenchmarks() {
        AGRONA_ONLY_IN_BENCHMARKS.check(classes);
    }

    @Test
    void shouldKeepTheDocumentLayerFreeOfJavaFx() {
        DOCUMENT_LAYER_HAS_NO_JAVAFX.check(classes);
    }

    /**
     * The runtime module has no JavaFX on its compile classpath, so a JavaFX import there already
     * breaks compilation; this proves the rule itself also catches such a class.
     */
    @Test
    void shouldFlagARuntimeClassThatUsesJavaFx() {
        JavaClasses offender = new ClassFileImporter().importClasses(RuntimeClassUsingJavaFx.class);
        EvaluationResult result = CORE_HAS_NO_JAVAFX.evaluate(offender);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("javafx.scene.Node"),
                result.getFailureReport().toString());
    }
}

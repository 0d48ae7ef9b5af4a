package io.visualcircuit.runtime.run;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeanClasspathTest {

    @Test
    void shouldDropEverythingABlockNeverNeeds() {
        List<String> kept = LeanClasspath.filter(List.of(
                "/m2/org/openjfx/javafx-controls/21/javafx-controls-21-linux.jar",
                "/m2/org/controlsfx/controlsfx/11.2.1/controlsfx-11.2.1.jar",
                "/m2/io/github/mkpaz/atlantafx-base/2.0.1/atlantafx-base-2.0.1.jar",
                "/m2/org/kordamp/ikonli/ikonli-javafx/12.3.1/ikonli-javafx-12.3.1.jar",
                "/m2/org/fxmisc/richtext/richtextfx/0.11.5/richtextfx-0.11.5.jar",
                "/m2/org/fxmisc/flowless/flowless/0.7.3/flowless-0.7.3.jar",
                "/m2/org/junit/jupiter/junit-jupiter-api/5.11.4/junit-jupiter-api-5.11.4.jar",
                "/m2/com/tngtech/archunit/archunit/1.3.0/archunit-1.3.0.jar",
                "/m2/org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar",
                "/m2/com/fasterxml/jackson/core/jackson-databind/2.18.2/jackson-databind-2.18.2.jar",
                "/m2/info/picocli/picocli/4.7.7/picocli-4.7.7.jar",
                "/repo/runtime/target/classes",
                "/m2/com/github/jnr/jnr-ffi/2.2.17/jnr-ffi-2.2.17.jar",
                "/repo/ipc/target/visualcircuit-ipc-0.1.0-SNAPSHOT.jar",
                "/repo/ipc/target/visualcircuit-ipc-0.1.0-SNAPSHOT.jar",
                ""));
        assertEquals(List.of("/repo/runtime/target/classes", "/m2/com/github/jnr/jnr-ffi/2.2.17/jnr-ffi-2.2.17.jar",
                "/repo/ipc/target/visualcircuit-ipc-0.1.0-SNAPSHOT.jar"), kept);
    }

    @Test
    void shouldFindAClasspathWithTheRuntimeAndNoJavaFx() {
        String cp = LeanClasspath.find();
        assertFalse(cp.toLowerCase().contains("javafx"), cp);
        assertFalse(cp.toLowerCase().contains("junit"), cp);
        assertTrue(List.of(cp.split(File.pathSeparator)).stream().anyMatch(e -> e.contains("runtime")), cp);
    }
}

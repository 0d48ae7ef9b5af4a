package io.visualcircuit.runtime.archfixture;

import javafx.scene.Node;

/** A deliberate violation, in a runtime package name, that the architecture rules must catch. */
public final class RuntimeClassUsingJavaFx {
    private RuntimeClassUsingJavaFx() {
    }

    public static boolean isVisible(Node node) {
        return node.isVisible();
    }
}

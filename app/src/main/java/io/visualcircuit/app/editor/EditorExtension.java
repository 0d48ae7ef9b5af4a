package io.visualcircuit.app.editor;

/**
 * A part of the application that attaches to every editor window when it opens (the live view
 * installs its run controls, console tabs and canvas overlay this way). Implementations are found
 * with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.visualcircuit.app.editor.EditorExtension}.
 *
 * <p>Threading: {@link #attach} is called on the FX thread, after the window is built and before it
 * is shown.
 */
public interface EditorExtension {
    void attach(EditorWindow window);
}

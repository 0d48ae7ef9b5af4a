package io.visualcircuit.app.cli;

import io.visualcircuit.app.editor.EditorApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code vcircuit edit [FILE]}: opens the editor, on FILE when given. Also what plain {@code vcircuit} runs. */
@Command(name = "edit", description = "Open the circuit editor (on FILE when given).", mixinStandardHelpOptions = true)
public final class EditCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A circuit (.json) or VisualCircuit project (.vc3, .vc).")
    Path file;

    @Option(names = "--screenshot", hidden = true, paramLabel = "PNG",
            description = "Save a picture of the window once painted, then exit.")
    Path screenshot;

    @Option(names = "--select", hidden = true, paramLabel = "BLOCK", description = "Select this block (for screenshots).")
    String select;

    @Option(names = "--theme", hidden = true, description = "Look to use (PRIMER_LIGHT, PRIMER_DARK, NORD_LIGHT, NORD_DARK).")
    String theme;

    @Override
    public Integer call() {
        if (file != null && !Files.isRegularFile(file)) {
            System.err.println("vcircuit: " + file + " does not exist or is not a file");
            return 2;
        }
        if (io.visualcircuit.app.FxStartup.headless() && System.getProperty("glass.platform") == null) {
            System.err.println("vcircuit: no display found (DISPLAY is not set); the editor needs a desktop session."
                    + " Use './vcircuit run FILE' to run a circuit without the editor.");
            return 2;
        }
        EditorApp.launchEditor(file, screenshot, theme, select);
        return 0;
    }
}

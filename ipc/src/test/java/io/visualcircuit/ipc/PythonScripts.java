package io.visualcircuit.ipc;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the Python client and the Python test helpers as child processes. */
final class PythonScripts {
    private PythonScripts() {
    }

    static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Directory holding vcwire.py as packaged in the ipc jar. */
    static Path clientDirectory() {
        return resourceDirectory("/io/visualcircuit/ipc/python/vcwire.py");
    }

    static Path testScript(String name) {
        return resourceDirectory("/python/" + name).resolve(name);
    }

    private static Path resourceDirectory(String resource) {
        try {
            return Path.of(PythonScripts.class.getResource(resource).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Process start(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", testScript(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", clientDirectory().toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return builder.start();
    }
}

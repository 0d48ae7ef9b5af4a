package io.visualcircuit.runtime.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Everything a Python code block needs from the machine: the interpreter (checked once per
 * interpreter and program run, so that a missing python3 or numpy is reported on the block before
 * the run starts rather than as a crash) and the two host scripts, copied into the run directory.
 * Thread safety: every method may be called from any thread.
 */
final class PythonSupport {
    static final String HOST_RESOURCE = "/io/visualcircuit/runtime/python/vc_host.py";
    static final String WIRE_CLIENT_RESOURCE = "/io/visualcircuit/ipc/python/vcwire.py";
    private static final Pattern USES_NUMPY = Pattern.compile("(?m)^\\s*(import|from)\\s+(numpy|cv2)\\b");

    /** What an interpreter turned out to be. */
    record Probe(boolean found, int major, int minor, boolean numpy, String problem) {
    }

    private static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

    private PythonSupport() {
    }

    static Probe probe(String python) {
        return PROBES.computeIfAbsent(python, PythonSupport::runProbe);
    }

    private static Probe runProbe(String python) {
        String script = "import sys\nprint(sys.version_info[0], sys.version_info[1])\n"
                + "try:\n    import numpy\n    print('numpy')\nexcept ImportError:\n    print('no-numpy')\n";
        try {
            Process p = new ProcessBuilder(python, "-c", script).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Probe(false, 0, 0, false, "'" + python + "' did not answer within 30 s");
            }
            String[] lines = new String(out, StandardCharsets.UTF_8).trim().split("\\R");
            if (p.exitValue() != 0 || lines.length < 2) {
                return new Probe(false, 0, 0, false, "'" + python + "' is not a working Python 3 interpreter");
            }
            String[] v = lines[0].trim().split(" ");
            return new Probe(true, Integer.parseInt(v[0]), Integer.parseInt(v[1]),
                    lines[lines.length - 1].trim().equals("numpy"), null);
        } catch (IOException e) {
            return new Probe(false, 0, 0, false, "the Python interpreter '" + python + "' was not found");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, 0, 0, false, "interrupted while checking '" + python + "'");
        } catch (RuntimeException e) {
            return new Probe(false, 0, 0, false, "'" + python + "' is not a working Python 3 interpreter");
        }
    }

    /**
     * Throws a {@link RunException} naming the first block that cannot run with this interpreter.
     *
     * @param blocks the Python blocks of the circuit
     */
    static void check(String python, List<RunPlan.PlannedBlock> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        Probe probe = probe(python);
        RunPlan.PlannedBlock first = blocks.get(0);
        if (!probe.found()) {
            throw new RunException("Block '" + first.id() + "' runs Python code, but " + probe.problem()
                    + ". Install Python 3 or choose another interpreter (the --python option of vcircuit run).",
                    first.id());
        }
        if (probe.major() < 3 || (probe.major() == 3 && probe.minor() < 8)) {
            throw new RunException("Block '" + first.id() + "' needs Python 3.8 or newer, but '" + python + "' is "
                    + probe.major() + "." + probe.minor() + ".", first.id());
        }
        if (!probe.numpy()) {
            for (RunPlan.PlannedBlock b : blocks) {
                if (needsNumpy(b)) {
                    throw new RunException("Block '" + b.id() + "' needs numpy (it has array or image ports or imports"
                            + " numpy), but '" + python + "' has no numpy. Install it with: " + python
                            + " -m pip install numpy", b.id());
                }
            }
        }
    }

    static boolean needsNumpy(RunPlan.PlannedBlock b) {
        boolean arrays = b.ports().stream().anyMatch(p -> p.type() == io.visualcircuit.runtime.circuit.PortType.ARRAY
                || p.type() == io.visualcircuit.runtime.circuit.PortType.IMAGE);
        return arrays || (b.block().code() != null && USES_NUMPY.matcher(b.block().code()).find());
    }

    /** Copies the host and the wire client into {@code folder}; returns the host script. */
    static Path install(Path folder) throws IOException {
        Files.createDirectories(folder);
        copy(HOST_RESOURCE, folder.resolve("vc_host.py"));
        copy(WIRE_CLIENT_RESOURCE, folder.resolve("vcwire.py"));
        return folder.resolve("vc_host.py");
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = PythonSupport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the runtime is incomplete: " + resource + " is missing from its classpath");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static List<String> command(String python, Path host, Path spec) {
        return List.of(python, "-u", "-B", host.toString(), spec.toString());
    }

    static Map<String, String> environment(Path folder) {
        String existing = System.getenv("PYTHONPATH");
        String path = existing == null || existing.isBlank() ? folder.toString() : folder + ":" + existing;
        return Map.of("PYTHONPATH", path, "PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1",
                "PYTHONIOENCODING", "utf-8");
    }
}

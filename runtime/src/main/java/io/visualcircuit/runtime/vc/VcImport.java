package io.visualcircuit.runtime.vc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.format.JsonReading;
import io.visualcircuit.runtime.vc.PackageFlattener.Edge;
import io.visualcircuit.runtime.vc.PackageFlattener.Kind;
import io.visualcircuit.runtime.vc.PackageFlattener.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Opens projects and block packages of the original VisualCircuit: VC3 {@code .vc3} files and VC2
 * {@code .vc} files. Packages (composite blocks) are flattened into plain code blocks with
 * rewired connections, constants become parameter values or constant blocks, and Python code is
 * kept byte for byte, so existing projects run unchanged.
 *
 * <p>Anything the importer cannot carry over (an unknown block type, a wire to a missing port,
 * a package's external ports) becomes a human-readable note in the {@link Result}; only files that
 * are not VisualCircuit files at all raise {@link VcImportException}.
 *
 * <p>Stateless; safe to call from any thread.
 */
public final class VcImport {
    /** Where the top-left block of an imported circuit is placed. */
    private static final double MARGIN = 40;

    /** Held to the same limits as circuit files, so a hostile project fails as cleanly as a circuit. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonReading.factory());

    private VcImport() {
    }

    /**
     * An imported circuit and what the import could not carry over.
     *
     * @param notes one sentence each, for the user; empty when the import is exact
     */
    public record Result(Circuit circuit, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** Reads and imports a {@code .vc3} or {@code .vc} file. */
    public static Result read(Path file) throws IOException, VcImportException {
        byte[] bytes = Files.readAllBytes(file);
        Path name = file.getFileName();
        return parse(bytes, name == null ? file.toString() : name.toString());
    }

    /**
     * Imports VisualCircuit JSON.
     *
     * @param sourceName the file name used in messages, and as the circuit name when the file has none
     * @throws VcImportException when the bytes are not a VisualCircuit file
     */
    public static Result parse(byte[] json, String sourceName) throws VcImportException {
        JsonNode root;
        try (JsonParser parser = JSON.createParser(json)) {
            try {
                root = JSON.readTree(parser);
            } catch (JsonProcessingException e) {
                // Limit violations carry no location; the parser still knows where it stopped.
                throw notJson(sourceName, e,
                        e.getLocation() != null ? e.getLocation() : parser.currentLocation());
            }
        } catch (IOException e) {
            throw new VcImportException(sourceName, 0, 0, "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new VcImportException(sourceName, 0, 0, "the file is empty, not a VisualCircuit project");
        }
        if (!root.isObject()) {
            throw new VcImportException(sourceName, 1, 1, "not a VisualCircuit project: the file is not a JSON object");
        }
        JsonNode design = root.path("design");
        if (!design.isObject() || !design.path("graph").isObject()) {
            throw new VcImportException(sourceName, 0, 0, "not a VisualCircuit project: it has no design.graph"
                    + (root.has("format") ? " (it looks like a circuit of this program; open it as .json)" : ""));
        }
        List<String> notes = new ArrayList<>();
        String version = root.path("version").asText("");
        boolean vc3 = root.has("editor") || version.startsWith("3");
        if (!vc3 && !version.isEmpty() && !version.startsWith("1")) {
            notes.add("VisualCircuit file version " + version + " is not known; it was read as a VC2 project");
        }
        PackageFlattener flattener = new PackageFlattener(!vc3, sourceName, notes);
        List<JsonNode> deps = root.path("dependencies").isObject() ? List.of(root.path("dependencies")) : List.of();
        PackageFlattener.Scope top = new PackageFlattener.Scope(null, null);
        flattener.expand(design, deps, top, 0, 0, List.of());
        List<Edge> edges = flattener.resolve();

        JsonNode pkg = root.path("package");
        String packageName = pkg.path("name").asText("").strip();
        String circuitName = packageName.isEmpty() ? baseName(sourceName) : packageName;
        String description = pkg.path("description").asText("").strip();

        Circuit circuit = new Builder(flattener, edges, packageName, notes).build()
                .withName(circuitName)
                .withDescription(description.isEmpty() ? null : description);
        if (!vc3 && circuit.blocks().stream().anyMatch(b -> b.code() != null && usesVc2Api(b.code()))) {
            notes.add("the Python code is written for the VC2 API (loop(block_name, input_wires, output_wires,"
                    + " parameters, flags)); it is kept as it is and runs through the Python host's"
                    + " VC2 compatibility layer");
        }
        return new Result(circuit, notes);
    }

    static boolean usesVc2Api(String code) {
        return code.contains("def loop(") && !code.contains("def main(");
    }

    private static String baseName(String sourceName) {
        if (sourceName == null || sourceName.isBlank()) {
            return "Imported circuit";
        }
        String n = sourceName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Turns the flat graph into our blocks, wires and comments. */
    private static VcImportException notJson(String sourceName, JsonProcessingException e, JsonLocation at) {
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        return new VcImportException(sourceName, line, column, JsonReading.explain(e));
    }

    private static final class Builder {
        private final PackageFlattener flattener;
        private final List<Node> nodes;
        private final List<Edge> edges;
        private final String packageName;
        private final List<String> notes;
        private final Set<String> usedIds = new HashSet<>();
        private final Map<Node, String> ids = new IdentityHashMap<>();
        private final Map<Node, Map<String, Object>> params = new IdentityHashMap<>();

        Builder(PackageFlattener flattener, List<Edge> edges, String packageName, List<String> notes) {
            this.flattener = flattener;
            this.nodes = flattener.nodes();
            this.edges = edges;
            this.packageName = packageName;
            this.notes = notes;
        }

        Circuit build() {
            Set<Node> neededConstants = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Node> usedConstants = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            List<Edge> wires = new ArrayList<>();
            Map<Node, Set<String>> wiredInputs = new IdentityHashMap<>();
            for (Node n : nodes) {
                if (n.kind == Kind.CODE) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    n.params.forEach(name -> p.put(name, null));
                    params.put(n, p);
                }
            }
            for (Edge e : edges) {
                Node src = e.from().node();
                Node dst = e.to().node();
                String port = e.to().port();
                boolean isInput = dst.inputs.contains(port);
                if (src.kind == Kind.CONSTANT) {
                    usedConstants.add(src);
                }
                if (!isInput) {
                    if (src.kind != Kind.CONSTANT) {
                        notes.add("parameter '" + port + "' of " + dst.describe() + " is wired from a code block;"
                                + " parameters take constants only, so that wire was dropped");
                        continue;
                    }
                    Map<String, Object> p = params.get(dst);
                    if (p.get(port) != null) {
                        notes.add("parameter '" + port + "' of " + dst.describe()
                                + " gets more than one constant; the first one was kept");
                        continue;
                    }
                    p.put(port, VcValues.constantValue(src.value));
                    continue;
                }
                if (!wiredInputs.computeIfAbsent(dst, k -> new HashSet<>()).add(port)) {
                    notes.add("input '" + port + "' of " + dst.describe()
                            + " receives more than one wire; only the first was kept");
                    continue;
                }
                if (src.kind == Kind.CONSTANT) {
                    neededConstants.add(src);
                }
                wires.add(e);
            }
            for (Node n : nodes) {
                if (n.kind == Kind.CONSTANT && !usedConstants.contains(n)) {
                    if (n.isTopLevel()) {
                        neededConstants.add(n);
                    } else {
                        notes.add(n.describe() + " is not connected to anything; it was left out");
                    }
                }
            }

            assignIds(neededConstants);
            flattener.noteBoundary(ids::get);
            List<Block> blocks = new ArrayList<>();
            List<Comment> comments = new ArrayList<>();
            for (Node n : nodes) {
                switch (n.kind) {
                    case CODE -> blocks.add(codeBlock(n));
                    case CONSTANT -> {
                        if (neededConstants.contains(n)) {
                            blocks.add(constantBlock(n));
                        }
                    }
                    case INFO -> comments.add(new Comment(VcValues.unique("note", usedIds), n.x, n.y,
                            n.width, n.height, n.name));
                    default -> {
                    }
                }
            }
            List<Wire> ourWires = new ArrayList<>();
            for (Edge e : wires) {
                String fromPort = e.from().node().kind == Kind.CONSTANT ? "out" : e.from().port();
                ourWires.add(new Wire(new PortRef(ids.get(e.from().node()), fromPort),
                        new PortRef(ids.get(e.to().node()), e.to().port())));
            }
            return normalise(new Circuit(null, null, blocks, ourWires, comments));
        }

        /** Code blocks get their ids first, so they keep the plainest names (such as {@code blur}). */
        private void assignIds(Set<Node> neededConstants) {
            for (Node n : nodes) {
                if (n.kind == Kind.CODE) {
                    ids.put(n, VcValues.unique(VcValues.slug(codeName(n), "code"), usedIds));
                }
            }
            for (Node n : nodes) {
                if (n.kind == Kind.CONSTANT && neededConstants.contains(n)) {
                    String base = VcValues.slug(n.name, "constant");
                    if (!n.isTopLevel()) {
                        base = VcValues.slug(n.scope.packageName, "package") + "_" + base;
                    }
                    ids.put(n, VcValues.unique(base, usedIds));
                }
            }
        }

        /** The package's name when the code block is the only one in it, else null. */
        private String codeName(Node n) {
            if (n.scope.codeNodes().size() != 1) {
                return n.isTopLevel() ? null : n.scope.packageName + " code";
            }
            if (!n.isTopLevel()) {
                return n.scope.packageName;
            }
            return packageName.isEmpty() ? null : packageName;
        }

        private Block codeBlock(Node n) {
            Map<String, Object> p = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : params.get(n).entrySet()) {
                if (e.getValue() == null) {
                    notes.add("parameter '" + e.getKey() + "' of " + ids.get(n) + " has no constant wired to it;"
                            + " it is set to empty text");
                    p.put(e.getKey(), "");
                } else {
                    p.put(e.getKey(), e.getValue());
                }
            }
            double rate;
            if (n.frequency != null) {
                VcValues.Rate r = VcValues.rate(n.frequency);
                if (r.problem() != null) {
                    notes.add(ids.get(n) + ": " + r.problem());
                }
                rate = r.hz();
            } else {
                // VC2 blocks carry their rate as a parameter named Frequency.
                rate = VcValues.DEFAULT_RATE_HZ;
                for (Map.Entry<String, Object> e : p.entrySet()) {
                    if (e.getKey().equalsIgnoreCase("frequency") && e.getValue() instanceof Number num
                            && num.doubleValue() > 0) {
                        rate = Math.min(num.doubleValue(), Validator.MAX_RATE);
                    }
                }
            }
            String label = codeName(n);
            List<PortSpec> ins = n.inputs.stream().map(s -> PortSpec.in(s, PortType.ANY)).toList();
            List<PortSpec> outs = n.outputs.stream().map(s -> PortSpec.out(s, PortType.ANY)).toList();
            return new Block(ids.get(n), "python", label, n.x, n.y, p, rate, ins, outs, n.code);
        }

        private Block constantBlock(Node n) {
            Object value = VcValues.constantValue(n.value);
            String type = "constant";
            if (value instanceof Number num) {
                value = num.doubleValue();
            } else {
                type = "text";
            }
            String label = n.name.isBlank() ? null : n.name;
            return new Block(ids.get(n), type, label, n.x, n.y, Map.of("value", value), null, List.of(), List.of(), null);
        }

        /** Moves everything so the top-left item sits at a small margin, as a new drawing would. */
        private static Circuit normalise(Circuit c) {
            Optional<Wire.Point> corner = c.topLeft();
            if (corner.isEmpty()) {
                return c;
            }
            double dx = MARGIN - corner.get().x();
            double dy = MARGIN - corner.get().y();
            List<Block> blocks = c.blocks().stream().map(b -> b.withPosition(round(b.x() + dx), round(b.y() + dy))).toList();
            List<Comment> comments = c.comments().stream()
                    .map(m -> m.withPosition(round(m.x() + dx), round(m.y() + dy))).toList();
            return c.withBlocks(blocks).withComments(comments);
        }

        private static double round(double v) {
            return Math.round(v);
        }
    }
}

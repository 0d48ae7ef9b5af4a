package io.visualcircuit.runtime.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a VisualCircuit design, with its package instances nested to any depth, into one flat
 * graph of code blocks, constants and notes, and re-routes every wire that passed through a
 * package's Input/Output blocks to the real inner port.
 *
 * <p>Works in two passes: {@link #expand} turns every block of every package instance into a
 * {@link Node} and every wire into an {@link Edge} between node ports; {@link #resolve} then follows
 * chains of boundary nodes back to the code block or constant that really produces the value.
 * One instance per import; not thread-safe.
 */
final class PackageFlattener {
    /** Expanding more blocks than this means a hostile or broken file, not a student's project. */
    static final int MAX_NODES = 20_000;
    static final int MAX_DEPTH = 64;
    /** Packages were drawn on a large canvas of their own; their inside is shown at half size. */
    private static final double INNER_SCALE = 0.5;

    enum Kind { CODE, CONSTANT, INPUT, OUTPUT, INFO }

    /** One block of the expanded design. */
    static final class Node {
        final Kind kind;
        final String vcId;
        final Scope scope;
        String name = "";
        double x;
        double y;
        double width;
        double height;
        // code blocks
        String code = "";
        String frequency;
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final List<String> params = new ArrayList<>();
        /** VisualCircuit port name -> our port name, for the few names we must change. */
        final Map<String, String> portAlias = new HashMap<>();
        // constants
        String value = "";

        Node(Kind kind, String vcId, Scope scope) {
            this.kind = kind;
            this.vcId = vcId;
            this.scope = scope;
        }

        String port(String vcPort) {
            return portAlias.getOrDefault(vcPort, vcPort);
        }

        boolean isTopLevel() {
            return scope.depth == 0;
        }

        String describe() {
            String where = scope.packageName == null ? "" : " in package '" + scope.packageName + "'";
            return switch (kind) {
                case CODE -> "code block " + vcId + where;
                case CONSTANT -> "constant '" + name + "'" + where;
                case INPUT -> "input '" + name + "'" + where;
                case OUTPUT -> "output '" + name + "'" + where;
                case INFO -> "note" + where;
            };
        }
    }

    /** The top level, or one expanded package instance. */
    static final class Scope {
        final Scope parent;
        final int depth;
        /** The package's name, or null at the top level. */
        final String packageName;
        final Map<String, Node> nodes = new LinkedHashMap<>();
        final Map<String, Scope> instances = new HashMap<>();
        final Map<String, String> unsupported = new HashMap<>();

        Scope(Scope parent, String packageName) {
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.packageName = packageName;
        }

        List<Node> codeNodes() {
            return nodes.values().stream().filter(n -> n.kind == Kind.CODE).toList();
        }

        String where() {
            return packageName == null ? "" : " in package '" + packageName + "'";
        }
    }

    record End(Node node, String port) {
    }

    record Edge(End from, End to) {
    }

    private final boolean vc2;
    private final List<String> notes;
    private final String sourceName;
    private final List<Node> all = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Set<String> notedPackages = new HashSet<>();
    /** Top-level package inputs that nobody feeds, and the inner ports that lost their wire. */
    private final Map<Node, List<End>> cutOff = new LinkedHashMap<>();
    private int placeholderWires;

    PackageFlattener(boolean vc2, String sourceName, List<String> notes) {
        this.vc2 = vc2;
        this.sourceName = sourceName;
        this.notes = notes;
    }

    List<Node> nodes() {
        return all;
    }

    /**
     * Expands one design. {@code deps} holds the dependency maps visible here, innermost first;
     * {@code stack} the package keys being expanded, to refuse a package that contains itself.
     */
    Scope expand(JsonNode design, List<JsonNode> deps, Scope scope, double originX, double originY,
                 List<String> stack) throws VcImportException {
        JsonNode graph = design.path("graph");
        JsonNode blocks = list(graph, "blocks", scope);
        JsonNode wires = list(graph, "wires", scope);
        // Inner positions are laid out around the package's (first) code block, which lands where
        // the package instance was drawn.
        double anchorX = 0;
        double anchorY = 0;
        boolean anchored = scope.depth == 0;
        if (!anchored) {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            for (JsonNode b : blocks) {
                double bx = number(b.path("position").path("x"));
                double by = number(b.path("position").path("y"));
                if ("basic.code".equals(b.path("type").asText()) && !anchored) {
                    anchorX = bx;
                    anchorY = by;
                    anchored = true;
                }
                minX = Math.min(minX, bx);
                minY = Math.min(minY, by);
            }
            if (!anchored && minX != Double.POSITIVE_INFINITY) {
                anchorX = minX;
                anchorY = minY;
            }
        }
        double scale = scope.depth == 0 ? 1.0 : INNER_SCALE;

        for (JsonNode b : blocks) {
            String id = b.path("id").asText("");
            String type = b.path("type").asText("");
            if (id.isEmpty()) {
                notes.add("a block" + scope.where() + " has no id and was left out");
                continue;
            }
            if (scope.nodes.containsKey(id) || scope.instances.containsKey(id)) {
                notes.add("block id " + id + scope.where() + " is used twice; the second block was left out");
                continue;
            }
            double x = originX + (number(b.path("position").path("x")) - anchorX) * scale;
            double y = originY + (number(b.path("position").path("y")) - anchorY) * scale;
            JsonNode data = b.path("data");
            switch (type) {
                case "basic.code" -> addCode(scope, id, data, x, y);
                case "basic.constant" -> {
                    Node n = add(Kind.CONSTANT, id, scope, x, y);
                    n.name = data.path("name").asText("");
                    JsonNode v = data.path("value");
                    n.value = v.isValueNode() ? v.asText() : "";
                }
                case "basic.input", "basic.output" -> {
                    Node n = add(type.equals("basic.input") ? Kind.INPUT : Kind.OUTPUT, id, scope, x, y);
                    n.name = data.path("name").asText("");
                }
                case "basic.information", "basic.info" -> {
                    Node n = add(Kind.INFO, id, scope, x, y);
                    JsonNode text = data.has("info") ? data.path("info") : data.path("text");
                    n.name = text.isValueNode() ? text.asText() : "";
                    JsonNode size = b.has("size") ? b.path("size") : data.path("size");
                    n.width = size(size.path("width"), 200);
                    n.height = size(size.path("height"), 100);
                }
                default -> {
                    JsonNode dep = findDependency(type, deps);
                    if (dep == null) {
                        notes.add("block " + id + scope.where() + " has type '" + type
                                + "', which this importer does not know; it was left out with its wires");
                        scope.unsupported.put(id, type);
                    } else {
                        expandInstance(scope, id, type, dep, deps, x, y, stack);
                    }
                }
            }
        }
        if (vc2 && scope.codeNodes().size() == 1 && usableWires(wires) == 0) {
            connectByPosition(scope);
        }
        for (JsonNode w : wires) {
            readWire(scope, w);
        }
        return scope;
    }

    /** The list under {@code field}, or an empty one (with a note) when the file has something else there. */
    private JsonNode list(JsonNode parent, String field, Scope scope) {
        JsonNode n = parent.path(field);
        if (n.isArray()) {
            return n;
        }
        if (!n.isMissingNode() && !n.isNull()) {
            notes.add("design.graph." + field + scope.where() + " is not a list; nothing was read from it");
        }
        return MissingNode.getInstance();
    }

    private void expandInstance(Scope scope, String id, String key, JsonNode dep, List<JsonNode> deps,
                                double x, double y, List<String> stack) throws VcImportException {
        if (stack.contains(key)) {
            throw new VcImportException(sourceName, 0, 0, "package '" + dep.path("package").path("name").asText(key)
                    + "' contains itself, so it cannot be expanded");
        }
        if (stack.size() >= MAX_DEPTH) {
            throw new VcImportException(sourceName, 0, 0, "packages are nested more than " + MAX_DEPTH
                    + " levels deep; this is not a VisualCircuit project that can be opened");
        }
        String name = dep.path("package").path("name").asText("");
        Scope inner = new Scope(scope, name.isBlank() ? key.substring(0, Math.min(8, key.length())) : name);
        scope.instances.put(id, inner);
        List<JsonNode> innerDeps = new ArrayList<>();
        if (dep.path("dependencies").isObject()) {
            innerDeps.add(dep.path("dependencies"));
        }
        innerDeps.addAll(deps);
        List<String> innerStack = new ArrayList<>(stack);
        innerStack.add(key);
        expand(dep.path("design"), innerDeps, inner, x, y, innerStack);
    }

    private static JsonNode findDependency(String type, List<JsonNode> deps) {
        if (type.isEmpty()) {
            return null;
        }
        for (JsonNode d : deps) {
            JsonNode dep = d.get(type);
            if (dep != null && dep.isObject()) {
                return dep;
            }
        }
        return null;
    }

    private Node add(Kind kind, String id, Scope scope, double x, double y) throws VcImportException {
        if (all.size() >= MAX_NODES) {
            throw new VcImportException(sourceName, 0, 0, "expanding the packages gives more than " + MAX_NODES
                    + " blocks; this is not a VisualCircuit project that can be opened");
        }
        Node n = new Node(kind, id, scope);
        n.x = x;
        n.y = y;
        scope.nodes.put(id, n);
        all.add(n);
        return n;
    }

    private void addCode(Scope scope, String id, JsonNode data, double x, double y) throws VcImportException {
        Node n = add(Kind.CODE, id, scope, x, y);
        JsonNode code = data.path("code");
        n.code = code.isTextual() ? code.textValue() : "";
        if (!code.isTextual()) {
            notes.add(n.describe() + " has no code text; it was imported with empty code");
        }
        JsonNode freq = data.path("frequency");
        n.frequency = freq.isValueNode() ? freq.asText() : null;
        Set<String> taken = new HashSet<>();
        readPorts(n, data.path("ports").path("in"), n.inputs, "In", taken);
        readPorts(n, data.path("ports").path("out"), n.outputs, "Out", taken);
        for (JsonNode p : arrayOrEmpty(data.path("params"))) {
            String name = p.path("name").asText("");
            if (name.isEmpty() || n.params.contains(name)) {
                notes.add(n.describe() + " has an unnamed or repeated parameter; it was left out");
            } else {
                n.params.add(name);
            }
        }
    }

    /** Reads port names, renaming the few that our files cannot hold (empty, repeated, with a dot). */
    private void readPorts(Node n, JsonNode list, List<String> into, String stem, Set<String> taken) {
        int i = 0;
        for (JsonNode p : arrayOrEmpty(list)) {
            String vcName = p.path("name").asText("");
            String ours = vcName.replace('.', '_').strip();
            if (ours.isEmpty()) {
                ours = stem + i;
            }
            String base = ours;
            for (int k = 1; taken.contains(ours); k++) {
                ours = base + "_" + k;
            }
            if (!ours.equals(vcName)) {
                notes.add(n.describe() + ": port '" + vcName + "' is named '" + ours
                        + "' here, because port names must be unique, non-empty and without dots;"
                        + " code that uses the old name must be changed");
                n.portAlias.put(vcName, ours);
            }
            taken.add(ours);
            into.add(ours);
            i++;
        }
    }

    private static JsonNode arrayOrEmpty(JsonNode n) {
        return n.isArray() ? n : MissingNode.getInstance();
    }

    private static int usableWires(JsonNode wires) {
        int count = 0;
        for (JsonNode w : wires) {
            if (!w.path("source").path("block").asText("").isEmpty()
                    && !w.path("target").path("block").asText("").isEmpty()) {
                count++;
            }
        }
        return count;
    }

    /**
     * VC2 packages have no inner wires: the generated program handed the code block every package
     * input, output and constant as lists in file order ({@code input_wires[0]},
     * {@code parameters[0]}...). The same connections are drawn here so VC2 code keeps its indices.
     */
    private void connectByPosition(Scope scope) {
        Node code = scope.codeNodes().get(0);
        List<Node> ins = new ArrayList<>();
        List<Node> outs = new ArrayList<>();
        List<Node> consts = new ArrayList<>();
        for (Node n : scope.nodes.values()) {
            switch (n.kind) {
                case INPUT -> ins.add(n);
                case OUTPUT -> outs.add(n);
                case CONSTANT -> consts.add(n);
                default -> {
                }
            }
        }
        code.inputs.clear();
        code.outputs.clear();
        code.params.clear();
        code.portAlias.clear();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < ins.size(); i++) {
            String port = positionalName(ins.get(i).name, "Inp-" + i, taken);
            code.inputs.add(port);
            edges.add(new Edge(new End(ins.get(i), "input-out"), new End(code, port)));
        }
        for (int i = 0; i < outs.size(); i++) {
            String port = positionalName(outs.get(i).name, "Out-" + i, taken);
            code.outputs.add(port);
            edges.add(new Edge(new End(code, port), new End(outs.get(i), "output-in")));
        }
        for (Node c : consts) {
            String param = c.name.isBlank() ? "param" + code.params.size() : c.name;
            if (code.params.contains(param)) {
                param = param + "_" + code.params.size();
            }
            code.params.add(param);
            edges.add(new Edge(new End(c, "constant-out"), new End(code, param)));
        }
        String what = scope.packageName == null ? "this VC2 package" : "VC2 package '" + scope.packageName + "'";
        if (notedPackages.add(what)) {
            notes.add(what + ": the code block gets the package's inputs " + code.inputs + ", outputs "
                    + code.outputs + " and parameters " + code.params + " in file order, as VC2 passed them");
        }
    }

    private static String positionalName(String label, String fallback, Set<String> taken) {
        String name = label == null ? "" : label.replace('.', '_').strip();
        if (name.isEmpty() || taken.contains(name)) {
            name = fallback;
        }
        for (int k = 1; taken.contains(name); k++) {
            name = fallback + "_" + k;
        }
        taken.add(name);
        return name;
    }

    private void readWire(Scope scope, JsonNode w) {
        String srcBlock = w.path("source").path("block").asText("");
        String srcPort = w.path("source").path("port").asText("");
        String dstBlock = w.path("target").path("block").asText("");
        String dstPort = w.path("target").path("port").asText("");
        if (srcBlock.isEmpty() || dstBlock.isEmpty()) {
            placeholderWires++;
            return;
        }
        String text = "wire " + srcBlock + "." + srcPort + " -> " + dstBlock + "." + dstPort + scope.where();
        if (scope.unsupported.containsKey(srcBlock) || scope.unsupported.containsKey(dstBlock)) {
            notes.add(text + " touches a block that was left out; it was dropped");
            return;
        }
        End from = source(scope, srcBlock, srcPort, text);
        End to = from == null ? null : target(scope, dstBlock, dstPort, text);
        if (from != null && to != null) {
            edges.add(new Edge(from, to));
        }
    }

    private End source(Scope scope, String block, String port, String text) {
        Scope inst = scope.instances.get(block);
        if (inst != null) {
            Node inner = inst.nodes.get(port);
            if (inner == null || inner.kind != Kind.OUTPUT) {
                notes.add(text + ": package '" + inst.packageName + "' has no output " + port + "; dropped");
                return null;
            }
            return new End(inner, "out");
        }
        Node n = scope.nodes.get(block);
        if (n == null) {
            notes.add(text + ": there is no block " + block + "; dropped");
            return null;
        }
        return switch (n.kind) {
            case CODE -> {
                String p = n.port(port);
                if (!n.outputs.contains(p)) {
                    notes.add(text + ": the code block has no output '" + port + "'; dropped");
                    yield null;
                }
                yield new End(n, p);
            }
            case CONSTANT -> new End(n, "constant-out");
            case INPUT -> new End(n, "input-out");
            default -> {
                notes.add(text + ": a wire cannot start at " + n.describe() + "; dropped");
                yield null;
            }
        };
    }

    private End target(Scope scope, String block, String port, String text) {
        Scope inst = scope.instances.get(block);
        if (inst != null) {
            Node inner = inst.nodes.get(port);
            if (inner == null || (inner.kind != Kind.INPUT && inner.kind != Kind.CONSTANT)) {
                notes.add(text + ": package '" + inst.packageName + "' has no input or parameter " + port
                        + "; dropped");
                return null;
            }
            return new End(inner, "in");
        }
        Node n = scope.nodes.get(block);
        if (n == null) {
            notes.add(text + ": there is no block " + block + "; dropped");
            return null;
        }
        return switch (n.kind) {
            case CODE -> {
                String p = n.port(port);
                if (!n.inputs.contains(p) && !n.params.contains(p)) {
                    notes.add(text + ": the code block has no input or parameter '" + port + "'; dropped");
                    yield null;
                }
                yield new End(n, p);
            }
            case OUTPUT -> new End(n, "output-in");
            default -> {
                notes.add(text + ": a wire cannot end at " + n.describe() + "; dropped");
                yield null;
            }
        };
    }

    /** The wires of the flat graph: every edge that ends at a code block, with its real source. */
    List<Edge> resolve() {
        if (placeholderWires > 0) {
            notes.add(placeholderWires + " wire(s) with an empty end (left over in VisualCircuit templates) were ignored");
        }
        Map<Node, End> feeder = new IdentityHashMap<>();
        for (Edge e : edges) {
            Kind k = e.to().node().kind;
            if (k == Kind.INPUT || k == Kind.OUTPUT || k == Kind.CONSTANT) {
                if (feeder.putIfAbsent(e.to().node(), e.from()) != null) {
                    notes.add(e.to().node().describe() + " receives more than one wire; only the first was kept");
                }
            }
        }
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.to().node().kind != Kind.CODE) {
                continue;
            }
            End src = e.from();
            Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            boolean ok = true;
            while (isRelay(src.node(), feeder)) {
                if (!seen.add(src.node())) {
                    notes.add("wires through " + src.node().describe() + " form a loop; dropped");
                    ok = false;
                    break;
                }
                End f = feeder.get(src.node());
                if (f == null) {
                    // A package input nobody wired: the inner port simply stays unconnected.
                    if (src.node().isTopLevel()) {
                        cutOff.computeIfAbsent(src.node(), k -> new ArrayList<>()).add(e.to());
                    }
                    ok = false;
                    break;
                }
                src = f;
            }
            if (ok && src.node().kind != Kind.CODE && src.node().kind != Kind.CONSTANT) {
                ok = false;
            }
            if (ok) {
                out.add(new Edge(src, e.to()));
            }
        }
        return out;
    }

    private static boolean isRelay(Node n, Map<Node, End> feeder) {
        return n.kind == Kind.INPUT || n.kind == Kind.OUTPUT || (n.kind == Kind.CONSTANT && feeder.containsKey(n));
    }

    /**
     * Adds one note naming the external ports of a package opened on its own, and the block ports
     * they were wired to, written with {@code idOf} (our block ids).
     */
    void noteBoundary(java.util.function.Function<Node, String> idOf) {
        List<String> ins = new ArrayList<>();
        List<String> outs = new ArrayList<>();
        for (Node n : all) {
            if (n.isTopLevel() && n.kind == Kind.INPUT) {
                List<String> lost = cutOff.getOrDefault(n, List.of()).stream()
                        .map(end -> idOf.apply(end.node()) + "." + end.port()).toList();
                ins.add(boundaryName(n) + (lost.isEmpty() ? "" : " (was wired to " + String.join(", ", lost) + ")"));
            } else if (n.isTopLevel() && n.kind == Kind.OUTPUT) {
                outs.add(boundaryName(n));
            }
        }
        if (!ins.isEmpty() || !outs.isEmpty()) {
            notes.add("this file is a package: its external ports are left out because a circuit has no"
                    + " outside to connect them to" + (ins.isEmpty() ? "" : "; inputs " + String.join(", ", ins))
                    + (outs.isEmpty() ? "" : "; outputs " + String.join(", ", outs)));
        }
    }

    private static String boundaryName(Node n) {
        return n.name.isBlank() ? n.vcId : "'" + n.name + "'";
    }

    static double number(JsonNode n) {
        if (n.isNumber()) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : 0;
        }
        if (n.isTextual()) {
            try {
                double d = Double.parseDouble(n.textValue().strip());
                return Double.isFinite(d) ? d : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static double size(JsonNode n, double fallback) {
        String text = n.isValueNode() ? n.asText().strip() : "";
        if (text.endsWith("px")) {
            text = text.substring(0, text.length() - 2).strip();
        }
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) && d >= 20 && d <= 5000 ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

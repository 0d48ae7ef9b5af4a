package io.visualcircuit.runtime.vc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Builds small VisualCircuit documents (a project, or a package inside one) for tests. */
final class VcDoc {
    private static final ObjectMapper JSON = new ObjectMapper();

    final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode blocks;
    private final ArrayNode wires;
    private final ObjectNode deps;

    private VcDoc(String name, boolean vc3) {
        if (vc3) {
            root.putObject("editor").put("zoom", 100);
            root.put("version", "3.0");
        } else {
            root.put("version", "1.0");
        }
        ObjectNode pkg = root.putObject("package");
        pkg.put("name", name);
        pkg.put("description", "");
        ObjectNode graph = root.putObject("design").put("board", "Python3-Noetic").putObject("graph");
        blocks = graph.putArray("blocks");
        wires = graph.putArray("wires");
        deps = root.putObject("dependencies");
    }

    static VcDoc vc3(String name) {
        return new VcDoc(name, true);
    }

    static VcDoc vc2(String name) {
        return new VcDoc(name, false);
    }

    private ObjectNode block(String id, String type, double x, double y) {
        ObjectNode b = blocks.addObject();
        b.put("id", id);
        b.put("type", type);
        b.putObject("position").put("x", x).put("y", y);
        return b;
    }

    VcDoc code(String id, String code, List<String> in, List<String> out, List<String> params, String frequency) {
        ObjectNode data = block(id, "basic.code", 100, 100).putObject("data");
        data.put("code", code);
        if (frequency != null) {
            data.put("frequency", frequency);
        }
        ArrayNode p = data.putArray("params");
        params.forEach(n -> p.addObject().put("name", n));
        ObjectNode ports = data.putObject("ports");
        ArrayNode i = ports.putArray("in");
        in.forEach(n -> i.addObject().put("name", n));
        ArrayNode o = ports.putArray("out");
        out.forEach(n -> o.addObject().put("name", n));
        return this;
    }

    VcDoc code(String id, List<String> in, List<String> out) {
        return code(id, "def main(inputs, outputs, parameters, synchronise):\n    pass\n", in, out, List.of(), "30");
    }

    VcDoc constant(String id, String name, String value, boolean local) {
        block(id, "basic.constant", 100, 0).putObject("data").put("name", name).put("value", value).put("local", local);
        return this;
    }

    VcDoc input(String id, String name) {
        block(id, "basic.input", 0, 100).putObject("data").put("name", name);
        return this;
    }

    VcDoc output(String id, String name) {
        block(id, "basic.output", 300, 100).putObject("data").put("name", name);
        return this;
    }

    VcDoc info(String id, String text) {
        block(id, "basic.information", 0, 0).putObject("data").put("info", text);
        return this;
    }

    VcDoc typed(String id, String type, double x, double y) {
        block(id, type, x, y).putObject("data");
        return this;
    }

    VcDoc wire(String fromBlock, String fromPort, String toBlock, String toPort) {
        ObjectNode w = wires.addObject();
        w.putObject("source").put("block", fromBlock).put("port", fromPort).put("name", fromPort);
        w.putObject("target").put("block", toBlock).put("port", toPort).put("name", toPort);
        return this;
    }

    /** Adds {@code pkg} as a dependency under {@code key}, as the web editor stores a used package. */
    VcDoc dependency(String key, VcDoc pkg) {
        ObjectNode entry = deps.putObject(key);
        entry.set("package", pkg.root.get("package"));
        entry.set("design", pkg.root.get("design"));
        entry.set("dependencies", pkg.root.get("dependencies"));
        return this;
    }

    byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 40-character package key, as the web editor makes them. */
    static String key(char c) {
        return String.valueOf(c).repeat(40);
    }
}

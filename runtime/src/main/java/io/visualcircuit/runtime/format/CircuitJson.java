package io.visualcircuit.runtime.format;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.SourceMap;
import io.visualcircuit.runtime.circuit.SourceMap.Position;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.format.JsonTree.Kind;
import io.visualcircuit.runtime.format.JsonTree.Member;
import io.visualcircuit.runtime.format.JsonTree.Node;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes the VisualCircuit circuit file format (see {@code docs/circuit-format.md}).
 *
 * <p>Reading checks the shape of the file (JSON, format name, version, field types) and reports
 * every shape problem at once in a {@link CircuitFormatException}; unknown fields become warnings.
 * Whether the circuit makes sense (known types, ports, wires) is the job of
 * {@link io.visualcircuit.runtime.circuit.Validator}, which uses the returned {@link SourceMap}.
 *
 * <p>Writing is deterministic: keys in a fixed order, two-space indentation, one wire or port per
 * line, UTF-8, a trailing newline. Loading a file this class wrote and writing it again gives the
 * same bytes. Stateless; any thread may call.
 */
public final class CircuitJson {
    /** The value of the {@code "format"} field. */
    public static final String FORMAT_NAME = "visualcircuit";
    /** The newest format version this program reads and the one it writes. */
    public static final int VERSION = 1;

    private static final Set<String> ROOT_FIELDS = Set.of("format", "version", "name", "description", "blocks",
            "wires", "comments");
    private static final Set<String> BLOCK_FIELDS = Set.of("id", "type", "label", "x", "y", "rate", "params",
            "inputs", "outputs", "code");
    private static final Set<String> PORT_FIELDS = Set.of("name", "type");
    private static final Set<String> WIRE_FIELDS = Set.of("from", "to", "points");
    private static final Set<String> COMMENT_FIELDS = Set.of("id", "x", "y", "width", "height", "text");

    private CircuitJson() {
    }

    /** Parses a circuit from text; {@code sourceName} names the file in messages. */
    public static LoadResult parse(String text, String sourceName) throws CircuitFormatException {
        return parse(text.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    /** Parses a circuit from UTF-8 bytes; {@code sourceName} names the file in messages. */
    public static LoadResult parse(byte[] bytes, String sourceName) throws CircuitFormatException {
        Node root = JsonTree.parse(bytes, sourceName);
        return new Decoder(sourceName).decode(root);
    }

    /** Writes a circuit as pretty-printed UTF-8 JSON with a trailing newline. */
    public static byte[] write(Circuit circuit) {
        return writeString(circuit).getBytes(StandardCharsets.UTF_8);
    }

    /** The text {@link #write(Circuit)} encodes. */
    public static String writeString(Circuit circuit) {
        return new Encoder().circuit(circuit);
    }

    // ---------------------------------------------------------------- reading

    /** Turns a JSON tree into a circuit, collecting every problem instead of stopping at the first. */
    private static final class Decoder {
        private final String file;
        private final List<Problem> errors = new ArrayList<>();
        private final List<Problem> warnings = new ArrayList<>();
        private final SourceMap.Builder map = new SourceMap.Builder();

        Decoder(String file) {
            this.file = file;
        }

        LoadResult decode(Node root) throws CircuitFormatException {
            map.root(root.at());
            if (root.kind() != Kind.OBJECT) {
                throw new CircuitFormatException(file, root.at().line(), root.at().column(),
                        "a circuit file must be a JSON object, but this one is " + root.kind().describe());
            }
            checkHeader(root);
            unknownFields(root, ROOT_FIELDS, "at the top level", null);
            for (Member m : root.members().values()) {
                map.rootField(m.key(), m.value().at());
            }
            String name = optString(root, "name", "the circuit's \"name\"", null);
            String description = optString(root, "description", "the circuit's \"description\"", null);
            List<Block> blocks = new ArrayList<>();
            for (Node b : list(root, "blocks", "\"blocks\"")) {
                Block block = block(b, blocks.size());
                if (block != null) {
                    blocks.add(block);
                } else {
                    // Keep indices aligned with the file so later positions stay right.
                    blocks.add(null);
                }
            }
            List<Wire> wires = new ArrayList<>();
            for (Node w : list(root, "wires", "\"wires\"")) {
                wires.add(wire(w, wires.size()));
            }
            List<Comment> comments = new ArrayList<>();
            for (Node c : list(root, "comments", "\"comments\"")) {
                comments.add(comment(c, comments.size()));
            }
            if (!errors.isEmpty()) {
                List<Problem> all = new ArrayList<>(errors);
                throw new CircuitFormatException(file, all);
            }
            Circuit circuit = new Circuit(name, description, blocks, wires, comments);
            return new LoadResult(circuit, warnings, map.build());
        }

        private void checkHeader(Node root) throws CircuitFormatException {
            Node format = root.get("format");
            if (format == null) {
                throw fatal(root.at(), "this is not a VisualCircuit circuit file: the \"format\" field is missing"
                        + " (expected \"format\": \"" + FORMAT_NAME + "\")");
            }
            if (format.kind() != Kind.STRING || !FORMAT_NAME.equals(format.scalar())) {
                throw fatal(format.at(), "this is not a VisualCircuit circuit file: \"format\" is "
                        + shortValue(format) + ", expected \"" + FORMAT_NAME + "\"");
            }
            Node version = root.get("version");
            if (version == null) {
                throw fatal(root.at(), "the \"version\" field is missing (this program writes version " + VERSION + ")");
            }
            if (version.kind() != Kind.INTEGER) {
                throw fatal(version.at(), "\"version\" must be a whole number, not " + shortValue(version));
            }
            Object v = version.scalar();
            if (v instanceof BigInteger || (Long) v > VERSION) {
                throw fatal(version.at(), "this file uses circuit format version " + v
                        + ", but this VisualCircuit reads versions up to " + VERSION
                        + "; open it with a newer VisualCircuit");
            }
            if ((Long) v < 1) {
                throw fatal(version.at(), "\"version\" must be 1 or more, not " + v);
            }
        }

        private CircuitFormatException fatal(Position at, String message) {
            return new CircuitFormatException(file, at.line(), at.column(), message);
        }

        private Block block(Node n, int index) {
            map.block(index, n.at());
            if (n.kind() != Kind.OBJECT) {
                error(n.at(), "block " + (index + 1) + " must be an object, not " + n.kind().describe());
                return null;
            }
            for (Member m : n.members().values()) {
                map.blockField(index, m.key(), m.value().at());
            }
            String id = requiredString(n, "id", "block " + (index + 1));
            String what = id == null ? "block " + (index + 1) : "block \"" + id + "\"";
            if (id != null && id.isEmpty()) {
                error(n.get("id").at(), what + ": \"id\" must not be empty");
            }
            unknownFields(n, BLOCK_FIELDS, "in " + what, id);
            String type = requiredString(n, "type", what);
            String label = optString(n, "label", what + "'s \"label\"", id);
            double x = optCoordinate(n, "x", what);
            double y = optCoordinate(n, "y", what);
            Double rate = null;
            Node r = n.get("rate");
            if (r != null) {
                if (!r.isNumber()) {
                    error(r.at(), what + ": \"rate\" must be a number of Hz, not " + shortValue(r));
                } else {
                    rate = finite(r, what + ": \"rate\"");
                }
            }
            Map<String, Object> params = new LinkedHashMap<>();
            Node p = n.get("params");
            if (p != null) {
                if (p.kind() != Kind.OBJECT) {
                    error(p.at(), what + ": \"params\" must be an object of name: value pairs");
                } else {
                    for (Member m : p.members().values()) {
                        map.param(index, m.key(), m.keyAt());
                        Object v = paramValue(m.value(), what + ": parameter \"" + m.key() + "\"");
                        if (v != null) {
                            params.put(m.key(), v);
                        }
                    }
                }
            }
            List<PortSpec> inputs = ports(n, "inputs", Direction.IN, index, what);
            List<PortSpec> outputs = ports(n, "outputs", Direction.OUT, index, what);
            String code = optString(n, "code", what + "'s \"code\"", id);
            if (id == null || type == null) {
                return null;
            }
            return new Block(id, type, label, x, y, params, rate, inputs, outputs, code);
        }

        private List<PortSpec> ports(Node block, String field, Direction dir, int blockIndex, String what) {
            Node list = block.get(field);
            if (list == null) {
                return List.of();
            }
            if (list.kind() != Kind.ARRAY) {
                error(list.at(), what + ": \"" + field + "\" must be an array of {\"name\": ..., \"type\": ...}");
                return List.of();
            }
            List<PortSpec> out = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                Node port = list.items().get(i);
                map.port(blockIndex, dir, i, port.at());
                String where = what + ": " + field + "[" + i + "]";
                if (port.kind() != Kind.OBJECT) {
                    error(port.at(), where + " must be an object {\"name\": ..., \"type\": ...}");
                    continue;
                }
                unknownFields(port, PORT_FIELDS, "in " + where, null);
                String name = requiredString(port, "name", where);
                String typeName = requiredString(port, "type", where);
                if (name == null || typeName == null) {
                    continue;
                }
                PortType type = PortType.fromJson(typeName);
                if (type == null) {
                    error(port.get("type").at(), where + ": unknown port type \"" + typeName
                            + "\"; use one of " + portTypeNames());
                    continue;
                }
                out.add(new PortSpec(name, dir, type));
            }
            return out;
        }

        private Wire wire(Node n, int index) {
            map.wire(index, n.at());
            String what = "wire " + (index + 1);
            if (n.kind() != Kind.OBJECT) {
                error(n.at(), what + " must be an object {\"from\": \"block.port\", \"to\": \"block.port\"}");
                return null;
            }
            for (Member m : n.members().values()) {
                map.wireField(index, m.key(), m.value().at());
            }
            unknownFields(n, WIRE_FIELDS, "in " + what, null);
            PortRef from = portRef(n, "from", what);
            PortRef to = portRef(n, "to", what);
            List<Wire.Point> points = new ArrayList<>();
            Node pts = n.get("points");
            if (pts != null) {
                if (pts.kind() != Kind.ARRAY) {
                    error(pts.at(), what + ": \"points\" must be an array of [x, y] pairs");
                } else {
                    for (Node pt : pts.items()) {
                        if (pt.kind() != Kind.ARRAY || pt.items().size() != 2
                                || !pt.items().get(0).isNumber() || !pt.items().get(1).isNumber()) {
                            error(pt.at(), what + ": each bend point must be an [x, y] pair of numbers");
                            continue;
                        }
                        Double px = finite(pt.items().get(0), what + ": bend point x");
                        Double py = finite(pt.items().get(1), what + ": bend point y");
                        if (px != null && py != null) {
                            points.add(new Wire.Point(px, py));
                        }
                    }
                }
            }
            return from == null || to == null ? null : new Wire(from, to, points);
        }

        private PortRef portRef(Node wire, String field, String what) {
            String text = requiredString(wire, field, what);
            if (text == null) {
                return null;
            }
            PortRef ref = PortRef.parse(text);
            if (ref == null) {
                error(wire.get(field).at(), what + ": \"" + field + "\" must look like \"block.port\", not \""
                        + clip(text) + "\"");
            }
            return ref;
        }

        private Comment comment(Node n, int index) {
            map.comment(index, n.at());
            String what = "comment " + (index + 1);
            if (n.kind() != Kind.OBJECT) {
                error(n.at(), what + " must be an object");
                return null;
            }
            for (Member m : n.members().values()) {
                map.commentField(index, m.key(), m.value().at());
            }
            unknownFields(n, COMMENT_FIELDS, "in " + what, null);
            String id = requiredString(n, "id", what);
            double x = optCoordinate(n, "x", what);
            double y = optCoordinate(n, "y", what);
            double w = optCoordinate(n, "width", what);
            double h = optCoordinate(n, "height", what);
            String text = optString(n, "text", what + "'s \"text\"", null);
            return id == null ? null : new Comment(id, x, y, w, h, text);
        }

        private Object paramValue(Node v, String what) {
            switch (v.kind()) {
                case STRING:
                case BOOLEAN:
                    return v.scalar();
                case INTEGER:
                    if (v.scalar() instanceof BigInteger) {
                        error(v.at(), what + ": the number " + clip(v.scalar().toString()) + " is too large");
                        return null;
                    }
                    return v.scalar();
                case FLOAT:
                    return finite(v, what);
                default:
                    error(v.at(), what + " must be a number, a text or true/false, not " + v.kind().describe());
                    return null;
            }
        }

        private Double finite(Node v, String what) {
            double d = v.scalar() instanceof BigInteger b ? b.doubleValue() : ((Number) v.scalar()).doubleValue();
            if (!Double.isFinite(d)) {
                error(v.at(), what + ": the number is too large");
                return null;
            }
            return d;
        }

        private List<Node> list(Node obj, String field, String what) {
            Node n = obj.get(field);
            if (n == null) {
                return List.of();
            }
            if (n.kind() != Kind.ARRAY) {
                error(n.at(), what + " must be an array, not " + n.kind().describe());
                return List.of();
            }
            return n.items();
        }

        private String requiredString(Node obj, String field, String what) {
            Node n = obj.get(field);
            if (n == null) {
                error(obj.at(), what + ": the \"" + field + "\" field is missing");
                return null;
            }
            if (n.kind() != Kind.STRING) {
                error(n.at(), what + ": \"" + field + "\" must be a text, not " + shortValue(n));
                return null;
            }
            return (String) n.scalar();
        }

        private String optString(Node obj, String field, String what, String blockId) {
            Node n = obj.get(field);
            if (n == null || n.kind() == Kind.NULL) {
                return null;
            }
            if (n.kind() != Kind.STRING) {
                error(n.at(), what + " must be a text, not " + shortValue(n));
                return null;
            }
            return (String) n.scalar();
        }

        private double optCoordinate(Node obj, String field, String what) {
            Node n = obj.get(field);
            if (n == null) {
                return 0;
            }
            if (!n.isNumber()) {
                error(n.at(), what + ": \"" + field + "\" must be a number, not " + shortValue(n));
                return 0;
            }
            Double d = finite(n, what + ": \"" + field + "\"");
            return d == null ? 0 : d;
        }

        private void unknownFields(Node obj, Set<String> known, String where, String blockId) {
            for (Member m : obj.members().values()) {
                if (!known.contains(m.key())) {
                    warnings.add(Problem.warning("unknown field \"" + clip(m.key()) + "\" " + where + " is ignored",
                            blockId, null, m.keyAt()));
                }
            }
        }

        private void error(Position at, String message) {
            errors.add(Problem.error(message, null, null, at));
        }
    }

    private static String portTypeNames() {
        return java.util.Arrays.stream(PortType.values()).map(PortType::jsonName).collect(Collectors.joining(", "));
    }

    /** A value for a message, cut short so a hostile 10 MB text never floods the terminal. */
    private static String shortValue(Node n) {
        return switch (n.kind()) {
            case STRING -> "\"" + clip((String) n.scalar()) + "\"";
            case INTEGER, FLOAT, BOOLEAN -> clip(String.valueOf(n.scalar()));
            default -> n.kind().describe();
        };
    }

    static String clip(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    // ---------------------------------------------------------------- writing

    /** Builds the canonical text; see the class comment for the layout. */
    private static final class Encoder {
        private final StringBuilder out = new StringBuilder(4096);

        String circuit(Circuit c) {
            out.append("{\n");
            field(1, "format").string(FORMAT_NAME).append(",\n");
            field(1, "version").append(VERSION).append(",\n");
            field(1, "name").string(c.name());
            if (c.description() != null) {
                out.append(",\n");
                field(1, "description").string(c.description());
            }
            out.append(",\n");
            field(1, "blocks");
            if (c.blocks().isEmpty()) {
                out.append("[]");
            } else {
                out.append("[\n");
                for (int i = 0; i < c.blocks().size(); i++) {
                    block(c.blocks().get(i));
                    out.append(i + 1 < c.blocks().size() ? ",\n" : "\n");
                }
                indent(1).append("]");
            }
            out.append(",\n");
            field(1, "wires");
            if (c.wires().isEmpty()) {
                out.append("[]");
            } else {
                out.append("[\n");
                for (int i = 0; i < c.wires().size(); i++) {
                    wire(c.wires().get(i));
                    out.append(i + 1 < c.wires().size() ? ",\n" : "\n");
                }
                indent(1).append("]");
            }
            if (!c.comments().isEmpty()) {
                out.append(",\n");
                field(1, "comments").append("[\n");
                for (int i = 0; i < c.comments().size(); i++) {
                    comment(c.comments().get(i));
                    out.append(i + 1 < c.comments().size() ? ",\n" : "\n");
                }
                indent(1).append("]");
            }
            out.append("\n}\n");
            return out.toString();
        }

        private void block(Block b) {
            indent(2).append("{\n");
            field(3, "id").string(b.id()).append(",\n");
            field(3, "type").string(b.type());
            if (b.label() != null) {
                out.append(",\n");
                field(3, "label").string(b.label());
            }
            out.append(",\n");
            field(3, "x").coordinate(b.x(), "x of block " + b.id()).append(",\n");
            field(3, "y").coordinate(b.y(), "y of block " + b.id());
            if (b.rate() != null) {
                out.append(",\n");
                field(3, "rate").coordinate(b.rate(), "rate of block " + b.id());
            }
            if (!b.inputs().isEmpty()) {
                out.append(",\n");
                ports("inputs", b.inputs());
            }
            if (!b.outputs().isEmpty()) {
                out.append(",\n");
                ports("outputs", b.outputs());
            }
            if (!b.params().isEmpty()) {
                out.append(",\n");
                field(3, "params").append("{\n");
                int i = 0;
                for (Map.Entry<String, Object> e : b.params().entrySet()) {
                    field(4, e.getKey());
                    paramValue(e.getValue(), "parameter " + e.getKey() + " of block " + b.id());
                    out.append(++i < b.params().size() ? ",\n" : "\n");
                }
                indent(3).append("}");
            }
            if (b.code() != null) {
                out.append(",\n");
                field(3, "code").string(b.code());
            }
            out.append("\n");
            indent(2).append("}");
        }

        private void ports(String name, List<PortSpec> ports) {
            field(3, name).append("[\n");
            for (int i = 0; i < ports.size(); i++) {
                PortSpec p = ports.get(i);
                indent(4).append("{\"name\": ").string(p.name()).append(", \"type\": ")
                        .string(p.type().jsonName()).append("}");
                out.append(i + 1 < ports.size() ? ",\n" : "\n");
            }
            indent(3).append("]");
        }

        private void wire(Wire w) {
            indent(2).append("{\"from\": ").string(w.from().toString()).append(", \"to\": ")
                    .string(w.to().toString());
            if (!w.points().isEmpty()) {
                out.append(", \"points\": [");
                for (int i = 0; i < w.points().size(); i++) {
                    Wire.Point p = w.points().get(i);
                    if (i > 0) {
                        out.append(", ");
                    }
                    out.append('[');
                    coordinate(p.x(), "bend point").append(", ");
                    coordinate(p.y(), "bend point").append(']');
                }
                out.append(']');
            }
            out.append('}');
        }

        private void comment(Comment c) {
            indent(2).append("{\"id\": ").string(c.id());
            out.append(", \"x\": ");
            coordinate(c.x(), "comment x").append(", \"y\": ");
            coordinate(c.y(), "comment y").append(", \"width\": ");
            coordinate(c.width(), "comment width").append(", \"height\": ");
            coordinate(c.height(), "comment height").append(", \"text\": ");
            string(c.text()).append('}');
        }

        private void paramValue(Object v, String what) {
            if (v instanceof String s) {
                string(s);
            } else if (v instanceof Boolean bool) {
                out.append(bool.booleanValue());
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                out.append(((Number) v).longValue());
            } else if (v instanceof Number n) {
                double d = n.doubleValue();
                requireFinite(d, what);
                // Keep the decimal point, so the value reads back as a Double, not a Long.
                out.append(Double.toString(d));
            } else {
                throw new IllegalArgumentException(what + " is a " + (v == null ? "null" : v.getClass().getSimpleName())
                        + "; parameters hold numbers, texts or booleans");
            }
        }

        /** Whole numbers without a decimal point ({@code 80}, not {@code 80.0}); others as Java prints them. */
        private Encoder coordinate(double d, String what) {
            requireFinite(d, what);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append((long) d);
            } else {
                out.append(Double.toString(d));
            }
            return this;
        }

        private Encoder append(String s) {
            out.append(s);
            return this;
        }

        private Encoder append(char c) {
            out.append(c);
            return this;
        }

        private Encoder append(long v) {
            out.append(v);
            return this;
        }

        private static void requireFinite(double d, String what) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(what + " is " + d + ", which a circuit file cannot hold");
            }
        }

        private Encoder field(int depth, String name) {
            indent(depth);
            string(name);
            out.append(": ");
            return this;
        }

        private Encoder indent(int depth) {
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
            return this;
        }

        private Encoder string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        boolean loneSurrogate = Character.isSurrogate(ch) && !(Character.isHighSurrogate(ch)
                                && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)));
                        if (ch < 0x20 || loneSurrogate) {
                            out.append(String.format("\\u%04x", (int) ch));
                        } else if (Character.isHighSurrogate(ch)) {
                            out.append(ch).append(s.charAt(++i));
                        } else {
                            out.append(ch);
                        }
                    }
                }
            }
            out.append('"');
            return this;
        }
    }
}

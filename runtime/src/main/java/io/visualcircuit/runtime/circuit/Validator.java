package io.visualcircuit.runtime.circuit;

import io.visualcircuit.runtime.circuit.SourceMap.Position;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a circuit makes sense against a catalog and reports every problem at once, each naming
 * its block or wire and its place in the file (from the {@link SourceMap}): unknown types, ports and
 * parameters, wires in the wrong direction or between incompatible data types, two wires into one
 * input, duplicate ids, parameters of the wrong type or out of range, and badly declared ports of
 * code blocks. Stateless; any thread may call.
 */
public final class Validator {
    /** The fastest rate a block may ask for; beyond this the processes would only spin. */
    public static final double MAX_RATE = 10_000;

    private Validator() {
    }

    /**
     * Why {@code rate} (Hz, null for the type's default) cannot be a block's rate, or empty when it
     * can: the one rule for rates, used by the editor too. The reason reads after "rate".
     */
    public static Optional<String> rateProblem(Double rate) {
        if (rate == null || (rate >= 0 && rate <= MAX_RATE)) {
            return Optional.empty();
        }
        return Optional.of("must be from 0 to " + ParamCheck.plain(MAX_RATE)
                + " Hz (0 steps on each new input), not " + ParamCheck.plain(rate));
    }

    /** Validates a circuit that was not read from a file (problems carry line 0). */
    public static List<Problem> validate(Circuit circuit, Catalog catalog) {
        return validate(circuit, catalog, SourceMap.empty());
    }

    /** Every problem of {@code circuit}, errors and warnings, in file order within each kind of check. */
    public static List<Problem> validate(Circuit circuit, Catalog catalog, SourceMap map) {
        List<Problem> out = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Block> blocks = circuit.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String what = "block \"" + b.id() + "\"";
            if (b.id().isBlank()) {
                out.add(Problem.error("a block has an empty id", b.id(), null, map.blockField(i, "id")));
            } else {
                Integer first = firstIndex.putIfAbsent(b.id(), i);
                if (first != null) {
                    out.add(Problem.error("the block id \"" + b.id() + "\" is used more than once (first"
                            + at(map.block(first)) + ")", b.id(), null, map.blockField(i, "id")));
                }
            }
            BlockType type = catalog.find(b.type()).orElse(null);
            if (type == null) {
                out.add(Problem.error(what + ": unknown block type \"" + b.type() + "\"" + suggestion(b.type(), catalog),
                        b.id(), null, map.blockField(i, "type")));
            }
            String badRate = rateProblem(b.rate()).orElse(null);
            if (badRate != null) {
                out.add(Problem.error(what + ": rate " + badRate, b.id(), null, map.blockField(i, "rate")));
            }
            if (type == null) {
                continue;
            }
            if (type.codeBlock()) {
                codeBlock(b, i, what, map, out);
            } else {
                fixedBlock(b, i, type, what, map, out);
            }
        }
        wires(circuit, catalog, map, out);
        Map<String, Integer> commentIds = new HashMap<>();
        for (int i = 0; i < circuit.comments().size(); i++) {
            Comment c = circuit.comments().get(i);
            Integer first = commentIds.putIfAbsent(c.id(), i);
            if (first != null) {
                out.add(Problem.error("the comment id \"" + c.id() + "\" is used more than once (first"
                        + at(map.comment(first)) + ")", null, null, map.commentField(i, "id")));
            }
        }
        return out;
    }

    private static void fixedBlock(Block b, int i, BlockType type, String what, SourceMap map, List<Problem> out) {
        for (Map.Entry<String, Object> e : b.params().entrySet()) {
            ParamSpec spec = type.param(e.getKey()).orElse(null);
            Position at = map.param(i, e.getKey());
            if (spec == null) {
                String known = type.params().isEmpty() ? "it has none"
                        : "it has " + type.params().stream().map(ParamSpec::name).collect(Collectors.joining(", "));
                out.add(Problem.warning(what + ": a " + type.id() + " block has no parameter \"" + e.getKey()
                        + "\" (" + known + "); it is ignored", b.id(), null, at));
                continue;
            }
            ParamCheck.problem(spec, e.getValue()).ifPresent(wrong -> out.add(Problem.error(
                    what + ": parameter \"" + e.getKey() + "\" " + wrong, b.id(), null, at)));
        }
        if (!b.inputs().isEmpty() || !b.outputs().isEmpty()) {
            out.add(Problem.warning(what + ": only code blocks declare \"inputs\" and \"outputs\"; a " + type.id()
                    + " block has fixed ports, so these are ignored", b.id(), null,
                    map.blockField(i, b.inputs().isEmpty() ? "outputs" : "inputs")));
        }
        if (b.code() != null) {
            out.add(Problem.warning(what + ": only code blocks have \"code\"; it is ignored", b.id(), null,
                    map.blockField(i, "code")));
        }
    }

    private static void codeBlock(Block b, int i, String what, SourceMap map, List<Problem> out) {
        Map<String, String> seen = new HashMap<>();
        checkPorts(b, i, what, Direction.IN, b.inputs(), seen, map, out);
        checkPorts(b, i, what, Direction.OUT, b.outputs(), seen, map, out);
        for (String name : b.params().keySet()) {
            if (name.isBlank()) {
                out.add(Problem.error(what + ": a parameter has an empty name", b.id(), null, map.param(i, name)));
            }
        }
        if (b.code() == null || b.code().isBlank()) {
            out.add(Problem.warning(what + ": the code block has no code yet", b.id(), null,
                    map.blockField(i, "code")));
        }
    }

    private static void checkPorts(Block b, int i, String what, Direction dir, List<PortSpec> ports,
                                   Map<String, String> seen, SourceMap map, List<Problem> out) {
        String list = dir == Direction.IN ? "inputs" : "outputs";
        for (int k = 0; k < ports.size(); k++) {
            String name = ports.get(k).name();
            Position at = map.port(i, dir, k);
            String wrong = PortSpec.nameProblem(name).orElse(null);
            if (wrong != null) {
                out.add(Problem.error(what + ": " + wrong, b.id(), null, at));
            } else if (seen.putIfAbsent(name, list) != null) {
                out.add(Problem.error(what + ": the port name \"" + name + "\" is declared twice (also in "
                        + seen.get(name) + ")", b.id(), null, at));
            }
        }
    }

    private static void wires(Circuit circuit, Catalog catalog, SourceMap map, List<Problem> out) {
        Map<String, Block> byId = new HashMap<>();
        for (Block b : circuit.blocks()) {
            byId.putIfAbsent(b.id(), b);
        }
        Map<PortRef, Integer> fedBy = new HashMap<>();
        for (int w = 0; w < circuit.wires().size(); w++) {
            Wire wire = circuit.wires().get(w);
            String what = "wire " + (w + 1) + " (" + wire.from() + " -> " + wire.to() + ")";
            PortSpec from = end(wire.from(), "from", Direction.OUT, w, what, byId, catalog, map, out);
            PortSpec to = end(wire.to(), "to", Direction.IN, w, what, byId, catalog, map, out);
            if (from != null && to != null && from.direction() == Direction.OUT && to.direction() == Direction.IN
                    && !from.type().canFeed(to.type())) {
                out.add(Problem.error(what + ": cannot connect " + article(from.type()) + " output to "
                        + article(to.type()) + " input", null, w, map.wireField(w, "to")));
            }
            if (to != null && to.direction() == Direction.IN) {
                Integer earlier = fedBy.putIfAbsent(wire.to(), w);
                if (earlier != null) {
                    out.add(Problem.error(what + ": the input " + wire.to() + " already has a wire (wire "
                            + (earlier + 1) + at(map.wire(earlier)) + "); an input takes at most one wire",
                            wire.to().block(), w, map.wireField(w, "to")));
                }
            }
        }
    }

    private static PortSpec end(PortRef ref, String field, Direction expected, int w, String what,
                                Map<String, Block> byId, Catalog catalog, SourceMap map, List<Problem> out) {
        Position at = map.wireField(w, field);
        Block b = byId.get(ref.block());
        if (b == null) {
            out.add(Problem.error(what + ": there is no block \"" + ref.block() + "\"", null, w, at));
            return null;
        }
        if (catalog.find(b.type()).isEmpty()) {
            return null; // already reported as an unknown type
        }
        List<PortSpec> ports = catalog.portsOf(b);
        PortSpec port = ports.stream().filter(p -> p.name().equals(ref.port())).findFirst().orElse(null);
        if (port == null) {
            String names = ports.isEmpty() ? "it has no ports"
                    : "its ports are " + ports.stream().map(PortSpec::name).collect(Collectors.joining(", "));
            out.add(Problem.error(what + ": block \"" + b.id() + "\" (" + b.type() + ") has no port \"" + ref.port()
                    + "\"; " + names, b.id(), w, at));
            return null;
        }
        if (port.direction() != expected) {
            String message = expected == Direction.OUT
                    ? ref + " is an input; a wire must start at an output"
                    : ref + " is an output; a wire must end at an input";
            out.add(Problem.error(what + ": " + message, b.id(), w, at));
        }
        return port;
    }

    private static String article(PortType t) {
        String n = t.jsonName();
        return ("aeiou".indexOf(n.charAt(0)) >= 0 ? "an " : "a ") + n;
    }

    private static String at(Position p) {
        return p.isKnown() ? " at line " + p.line() : "";
    }

    /** " (did you mean ...?)" for a near miss such as "sinus", else empty. */
    private static String suggestion(String typed, Catalog catalog) {
        Set<String> close = new LinkedHashSet<>();
        for (BlockType t : catalog.types()) {
            if (distance(typed.toLowerCase(java.util.Locale.ROOT), t.id()) <= 2) {
                close.add(t.id());
            }
        }
        return close.isEmpty() ? "" : " (did you mean " + close.stream().map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(" or ")) + "?)";
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64) {
            return 3;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

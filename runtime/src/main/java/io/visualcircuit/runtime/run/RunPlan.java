package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.Execution;
import io.visualcircuit.runtime.circuit.ParamCheck;
import io.visualcircuit.runtime.circuit.ParamSpec;
import io.visualcircuit.runtime.circuit.ParamType;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Wire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A circuit resolved for running: every block with its type, rate and effective parameters
 * (catalog defaults, then the block's own values, then the run's overrides), and every output
 * that needs a wire. Building a plan checks what would stop the circuit from running and lists
 * the problems instead. Immutable once built; used by the thread that starts the run.
 */
final class RunPlan {

    /** A block as it will run. {@code params} are the effective values. */
    record PlannedBlock(String id, Block block, BlockType type, double rate, Map<String, Object> params,
                        List<PortSpec> ports) {
        Execution execution() {
            return type.execution();
        }

        List<PortSpec> inputs() {
            return ports.stream().filter(p -> p.direction() == Direction.IN).toList();
        }

        List<PortSpec> outputs() {
            return ports.stream().filter(p -> p.direction() == Direction.OUT).toList();
        }

        Optional<PortSpec> port(String name) {
            return ports.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }

    /** An output port that gets a segment, and the inputs it feeds. */
    record PlannedWire(String key, String blockId, String port, PortType type, List<Wire> wires) {
    }

    private final List<PlannedBlock> blocks;
    private final Map<String, PlannedBlock> byId;
    private final Map<String, PlannedWire> wires;
    private final Map<String, String> inputSources;
    private final List<String> problems;

    private RunPlan(List<PlannedBlock> blocks, Map<String, PlannedWire> wires, Map<String, String> inputSources,
                    List<String> problems) {
        this.blocks = List.copyOf(blocks);
        Map<String, PlannedBlock> m = new LinkedHashMap<>();
        blocks.forEach(b -> m.put(b.id(), b));
        this.byId = m;
        this.wires = wires;
        this.inputSources = inputSources;
        this.problems = List.copyOf(problems);
    }

    List<PlannedBlock> blocks() {
        return blocks;
    }

    PlannedBlock block(String id) {
        return byId.get(id);
    }

    /** Outputs with a wire, keyed {@code "block.port"}, in circuit order. */
    Map<String, PlannedWire> wires() {
        return wires;
    }

    /** The source key ({@code "block.port"}) feeding an input ({@code "block.port"}), if wired. */
    String sourceOf(String blockId, String port) {
        return inputSources.get(blockId + "." + port);
    }

    List<String> problems() {
        return problems;
    }

    static RunPlan of(Circuit circuit, Catalog catalog, Map<String, Map<String, Object>> overrides) {
        List<String> problems = new ArrayList<>();
        List<PlannedBlock> planned = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Block b : circuit.blocks()) {
            if (!ids.add(b.id())) {
                problems.add("block id '" + b.id() + "' is used twice");
                continue;
            }
            Optional<BlockType> t = catalog.find(b.type());
            if (t.isEmpty()) {
                problems.add("block '" + b.id() + "' has the unknown type '" + b.type() + "'");
                continue;
            }
            BlockType type = t.get();
            double rate = b.rate() != null ? b.rate() : type.defaultRate();
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                problems.add("block '" + b.id() + "' has the rate " + b.rate() + "; a rate is 0 (on new input) or more");
            }
            Map<String, Object> params = new LinkedHashMap<>();
            for (ParamSpec p : type.params()) {
                if (p.defaultValue() != null) {
                    params.put(p.name(), p.defaultValue());
                }
            }
            params.putAll(b.params());
            Map<String, Object> o = overrides.get(b.id());
            if (o != null) {
                for (Map.Entry<String, Object> e : o.entrySet()) {
                    Optional<ParamSpec> spec = type.param(e.getKey());
                    if (spec.isEmpty() && !b.params().containsKey(e.getKey())) {
                        problems.add("block '" + b.id() + "' has no parameter '" + e.getKey() + "'");
                        continue;
                    }
                    try {
                        params.put(e.getKey(), coerce(e.getValue(), spec.orElse(null), b.params().get(e.getKey())));
                    } catch (IllegalArgumentException ex) {
                        problems.add("block '" + b.id() + "', parameter '" + e.getKey() + "': " + ex.getMessage());
                    }
                }
            }
            planned.add(new PlannedBlock(b.id(), b, type, rate, params, catalog.portsOf(b)));
        }
        for (String id : overrides.keySet()) {
            if (!ids.contains(id)) {
                problems.add("there is no block '" + id + "' to set parameters on");
            }
        }
        Map<String, PlannedBlock> byId = new LinkedHashMap<>();
        planned.forEach(p -> byId.put(p.id(), p));
        Map<String, PlannedWire> wires = new LinkedHashMap<>();
        Map<String, String> inputSources = new LinkedHashMap<>();
        int index = 0;
        for (Wire w : circuit.wires()) {
            index++;
            PlannedBlock from = byId.get(w.from().block());
            PlannedBlock to = byId.get(w.to().block());
            String where = "wire " + index + " (" + w.from() + " -> " + w.to() + ")";
            if (from == null || to == null) {
                if (ids.contains(w.from().block()) && ids.contains(w.to().block())) {
                    continue; // its block already has a problem of its own
                }
                problems.add(where + " connects a block that does not exist");
                continue;
            }
            Optional<PortSpec> out = from.port(w.from().port()).filter(p -> p.direction() == Direction.OUT);
            Optional<PortSpec> in = to.port(w.to().port()).filter(p -> p.direction() == Direction.IN);
            if (out.isEmpty()) {
                problems.add(where + ": block '" + from.id() + "' has no output '" + w.from().port() + "'");
                continue;
            }
            if (in.isEmpty()) {
                problems.add(where + ": block '" + to.id() + "' has no input '" + w.to().port() + "'");
                continue;
            }
            if (!out.get().type().canFeed(in.get().type())) {
                problems.add(where + ": a " + out.get().type().jsonName() + " output cannot feed a "
                        + in.get().type().jsonName() + " input");
                continue;
            }
            String target = w.to().toString();
            if (inputSources.containsKey(target)) {
                problems.add(where + ": input " + target + " already has a wire");
                continue;
            }
            String key = w.from().toString();
            inputSources.put(target, key);
            PlannedWire pw = wires.get(key);
            List<Wire> list = pw == null ? new ArrayList<>() : new ArrayList<>(pw.wires());
            list.add(w);
            wires.put(key, new PlannedWire(key, from.id(), w.from().port(), out.get().type(), List.copyOf(list)));
        }
        return new RunPlan(planned, wires, inputSources, problems);
    }

    /**
     * Converts a parameter value (often text from the command line) to the parameter's type, by
     * the rule the editor and the file validator use ({@link ParamCheck#coerce}). A code block's
     * own parameter has no description; as in the editor, text is read as the type of its current
     * value (number, whole number or boolean), and other values are taken as they are when they
     * are a finite number, a boolean or text.
     *
     * @param spec     the catalog's description, or null for a code block's own parameter
     * @param existing the block's current value, which guides a code block's parameter
     * @throws IllegalArgumentException when the value does not fit, with ParamCheck's reason
     */
    static Object coerce(Object value, ParamSpec spec, Object existing) {
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        if (spec != null) {
            return ParamCheck.coerce(spec, value);
        }
        if (value instanceof String) {
            ParamType like = existing instanceof Double ? ParamType.NUMBER
                    : existing instanceof Long ? ParamType.INTEGER
                    : existing instanceof Boolean ? ParamType.BOOLEAN
                    : null;
            return like == null ? value : ParamCheck.coerce(unranged(like), value);
        }
        if (value instanceof Double || value instanceof Float) {
            return ParamCheck.coerce(unranged(ParamType.NUMBER), value);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("must be a number, true/false or text");
    }

    private static ParamSpec unranged(ParamType type) {
        return new ParamSpec("parameter", type, null, null, null, null, List.of(), null);
    }
}

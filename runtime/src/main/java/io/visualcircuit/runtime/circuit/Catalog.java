package io.visualcircuit.runtime.circuit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The block types a circuit may use, keyed by type id, in palette order. Immutable; safe to share
 * between threads.
 */
public final class Catalog {
    private final Map<String, BlockType> types;

    public Catalog(List<BlockType> types) {
        Map<String, BlockType> m = new LinkedHashMap<>();
        for (BlockType t : types) {
            if (m.put(t.id(), t) != null) {
                throw new IllegalArgumentException("duplicate block type " + t.id());
            }
        }
        this.types = Collections.unmodifiableMap(m);
    }

    /** The built-in catalog: every type of the core block library plus {@code python} code blocks. */
    public static Catalog standard() {
        return StandardCatalog.INSTANCE;
    }

    public List<BlockType> types() {
        return List.copyOf(types.values());
    }

    public Optional<BlockType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }

    /** Categories in palette order. */
    public List<String> categories() {
        List<String> out = new ArrayList<>();
        for (BlockType t : types.values()) {
            if (!out.contains(t.category())) {
                out.add(t.category());
            }
        }
        return out;
    }

    /**
     * The ports a block really has: its declared ports for code blocks, else its type's ports.
     * Empty when the type is unknown.
     */
    public List<PortSpec> portsOf(Block block) {
        BlockType t = types.get(block.type());
        if (t == null) {
            return List.of();
        }
        if (t.codeBlock()) {
            List<PortSpec> all = new ArrayList<>(block.inputs().size() + block.outputs().size());
            all.addAll(block.inputs());
            all.addAll(block.outputs());
            return all;
        }
        return t.ports();
    }

    public Optional<PortSpec> port(Block block, String name) {
        return portsOf(block).stream().filter(p -> p.name().equals(name)).findFirst();
    }
}

package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.IdGenerator;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Adds blocks. A block given with a blank id gets a fresh one from its type ({@code sine1},
 * {@code sine2}, ...); a block given with an id keeps it, and the edit is refused when that id is
 * taken or invalid. Blocks of a type the catalog does not know are refused. After the edit,
 * {@link #addedIds()} tells the ids used, so the editor can select the new blocks.
 */
public final class AddBlocks implements Command {
    private final Catalog catalog;
    private final List<Block> prototypes;
    private List<String> addedIds = List.of();

    public AddBlocks(Catalog catalog, List<Block> blocks) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.prototypes = List.copyOf(blocks);
        if (prototypes.isEmpty()) {
            throw new IllegalArgumentException("no blocks to add");
        }
    }

    /** Adds one block of {@code type} at ({@code x}, {@code y}) with a fresh id and default parameters. */
    public static AddBlocks ofType(Catalog catalog, String type, double x, double y) {
        return new AddBlocks(catalog, List.of(Block.of("", type, x, y)));
    }

    /** The ids of the added blocks, in order; empty before the edit ran. */
    public List<String> addedIds() {
        return addedIds;
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Set<String> taken = IdGenerator.blockIds(before);
        List<Block> blocks = new ArrayList<>(before.blocks());
        List<String> ids = new ArrayList<>();
        for (Block p : prototypes) {
            if (catalog.find(p.type()).isEmpty()) {
                throw new CommandRefusedException("There is no block type '" + p.type() + "'");
            }
            String id = p.id();
            if (id.isBlank()) {
                id = IdGenerator.freshBlockId(p.type(), taken);
            } else {
                String given = id;
                java.util.Optional<String> invalid = IdGenerator.invalidIdReason(given);
                if (invalid.isPresent()) {
                    throw new CommandRefusedException(invalid.get());
                }
                if (taken.contains(given)) {
                    throw new CommandRefusedException("There is already a block '" + given + "'");
                }
            }
            taken.add(id);
            ids.add(id);
            blocks.add(p.withId(id));
        }
        addedIds = List.copyOf(ids);
        return before.withBlocks(blocks);
    }

    @Override
    public String description() {
        if (prototypes.size() == 1) {
            return "Add " + (addedIds.isEmpty() ? prototypes.get(0).type() + " block" : addedIds.get(0));
        }
        return "Add " + Edits.count(prototypes.size(), "block");
    }
}

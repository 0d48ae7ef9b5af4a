package io.visualcircuit.app.editor;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.commands.AddBlocks;
import io.visualcircuit.app.document.commands.Connect;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;

/**
 * One edit made by dropping a wire on empty canvas and picking a block in quick-add: add the block
 * and wire it to the port the drag started from, as a single undo step. Composes the document's
 * own {@link AddBlocks} and {@link Connect} commands, so their rules and messages apply unchanged.
 *
 * <p>Threading: like every command, executed on the document's (FX) thread.
 */
final class AddAndConnect implements Command {
    private final Catalog catalog;
    private final AddBlocks add;
    private final PortRef pending;
    private final PortSpec pendingSpec;
    private final boolean pendingIsOutput;
    private String description = "Add block";
    private String addedId;

    AddAndConnect(Catalog catalog, Block prototype, PortRef pending, PortSpec pendingSpec, boolean pendingIsOutput) {
        this.catalog = catalog;
        this.add = new AddBlocks(catalog, java.util.List.of(prototype));
        this.pending = pending;
        this.pendingSpec = pendingSpec;
        this.pendingIsOutput = pendingIsOutput;
    }

    @Override
    public String description() {
        return description;
    }

    /** The id the new block got (valid after the command ran). */
    String addedId() {
        return addedId;
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Circuit withBlock = add.apply(before);
        addedId = add.addedIds().get(0);
        Block block = withBlock.block(addedId).orElseThrow();
        PortSpec target = fittingPort(catalog, block, pendingSpec, pendingIsOutput);
        if (target == null) {
            description = add.description();
            return withBlock;
        }
        PortRef other = new PortRef(addedId, target.name());
        Connect connect = new Connect(catalog, pendingIsOutput ? pending : other, pendingIsOutput ? other : pending);
        Circuit after = connect.apply(withBlock);
        description = "Add " + addedId + " and " + connect.description().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + connect.description().substring(1);
        return after;
    }

    /** The first port of {@code block} on the other side of {@code pending} whose type fits it, or null. */
    static PortSpec fittingPort(Catalog catalog, Block block, PortSpec pending, boolean pendingIsOutput) {
        for (PortSpec p : catalog.portsOf(block)) {
            boolean otherSide = p.direction() == (pendingIsOutput ? Direction.IN : Direction.OUT);
            if (otherSide && (pendingIsOutput ? pending.type().canFeed(p.type()) : p.type().canFeed(pending.type()))) {
                return p;
            }
        }
        return null;
    }
}

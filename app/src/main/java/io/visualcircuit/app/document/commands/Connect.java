package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.ConnectionRules;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Adds a wire from an output to an input, if the {@link ConnectionRules} allow it. An input takes
 * one wire: a wire already into {@code to} is replaced in the same step, so one undo restores it.
 */
public final class Connect implements Command {
    private final Catalog catalog;
    private final ConnectionRules rules;
    private final PortRef from;
    private final PortRef to;
    private Wire replaced;

    public Connect(Catalog catalog, ConnectionRules rules, PortRef from, PortRef to) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /** A connection checked by the {@linkplain ConnectionRules#standard() standard rules}. */
    public Connect(Catalog catalog, PortRef from, PortRef to) {
        this(catalog, ConnectionRules.standard(), from, to);
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        var refusal = rules.refusal(before, catalog, from, to);
        if (refusal.isPresent()) {
            throw new CommandRefusedException(refusal.get());
        }
        List<Wire> wires = new ArrayList<>(before.wires().size() + 1);
        replaced = null;
        for (Wire w : before.wires()) {
            if (w.to().equals(to)) {
                replaced = w;
            } else {
                wires.add(w);
            }
        }
        wires.add(new Wire(from, to));
        return before.withWires(wires);
    }

    /** The wire this connection replaced, or null. */
    public Wire replacedWire() {
        return replaced;
    }

    @Override
    public String description() {
        return "Connect " + from + " → " + to;
    }
}

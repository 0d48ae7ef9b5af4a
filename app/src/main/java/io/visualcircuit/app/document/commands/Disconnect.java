package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Removes the wire from {@code from} to {@code to}; refused when there is no such wire. */
public final class Disconnect implements Command {
    private final PortRef from;
    private final PortRef to;

    public Disconnect(PortRef from, PortRef to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    public Disconnect(Wire wire) {
        this(wire.from(), wire.to());
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        List<Wire> wires = new ArrayList<>(before.wires());
        boolean removed = wires.removeIf(w -> w.from().equals(from) && w.to().equals(to));
        if (!removed) {
            throw new CommandRefusedException("There is no wire from " + from + " to " + to);
        }
        return before.withWires(wires);
    }

    @Override
    public String description() {
        return "Disconnect " + from + " → " + to;
    }
}

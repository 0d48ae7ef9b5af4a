package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Validator;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets how often a block runs, in Hz; null goes back to its type's default rate. Rates are checked
 * by {@link Validator#rateProblem}, the rule circuit files are validated with: from 0 (run on each
 * new input) to {@link Validator#MAX_RATE}. Structural, because a running block keeps the rate it
 * started with.
 */
public final class SetRate implements Command {
    private final String blockId;
    private final Object gesture;
    private Double rate;

    public SetRate(String blockId, Double rate, Object gesture) {
        this.blockId = Objects.requireNonNull(blockId, "blockId");
        this.rate = rate;
        this.gesture = gesture;
    }

    public SetRate(String blockId, Double rate) {
        this(blockId, rate, null);
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Edits.requireBlock(before, blockId);
        Optional<String> wrong = Validator.rateProblem(rate);
        if (wrong.isPresent()) {
            throw new CommandRefusedException("The rate of " + blockId + " " + wrong.get());
        }
        Double r = rate;
        return Edits.replaceBlock(before, blockId, b -> b.withRate(r));
    }

    @Override
    public boolean mergeWith(Command next) {
        if (next instanceof SetRate s && Edits.sameGesture(gesture, s.gesture) && blockId.equals(s.blockId)) {
            rate = s.rate;
            return true;
        }
        return false;
    }

    @Override
    public String description() {
        return rate == null
                ? "Reset rate of " + blockId + " to default"
                : "Set rate of " + blockId + " to " + Edits.valueText(rate) + " Hz";
    }
}

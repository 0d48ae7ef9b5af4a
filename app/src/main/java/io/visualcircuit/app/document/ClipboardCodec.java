package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.format.CircuitFormatException;
import io.visualcircuit.runtime.format.CircuitJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns a selection into clipboard text and back. The text is a complete circuit file in the
 * VisualCircuit format, holding the selected blocks and comments and the wires between selected
 * blocks, so it can also be pasted into a text editor and saved as a circuit. Pasting it back is
 * done with {@link io.visualcircuit.app.document.commands.Paste}. Stateless; any thread may call.
 */
public final class ClipboardCodec {
    /** Clipboard text longer than this is refused rather than parsed (16 MiB). */
    public static final int MAX_TEXT_LENGTH = 16 * 1024 * 1024;

    private static final String FRAGMENT_NAME = "Copied from VisualCircuit";

    private ClipboardCodec() {
    }

    /**
     * The selected part of {@code circuit} as a circuit of its own: the selected blocks and
     * comments in their order, and only the wires whose both ends are selected.
     */
    public static Circuit extract(Circuit circuit, Collection<String> blockIds, Collection<String> commentIds) {
        Set<String> blocks = Set.copyOf(blockIds);
        Set<String> notes = Set.copyOf(commentIds);
        List<Block> keptBlocks = new ArrayList<>();
        for (Block b : circuit.blocks()) {
            if (blocks.contains(b.id())) {
                keptBlocks.add(b);
            }
        }
        List<Wire> keptWires = new ArrayList<>();
        for (Wire w : circuit.wires()) {
            if (blocks.contains(w.from().block()) && blocks.contains(w.to().block())) {
                keptWires.add(w);
            }
        }
        List<Comment> keptNotes = new ArrayList<>();
        for (Comment m : circuit.comments()) {
            if (notes.contains(m.id())) {
                keptNotes.add(m);
            }
        }
        return new Circuit(FRAGMENT_NAME, null, keptBlocks, keptWires, keptNotes);
    }

    /** The clipboard text for a selection: {@link #extract} written as a circuit file. */
    public static String copy(Circuit circuit, Collection<String> blockIds, Collection<String> commentIds) {
        return CircuitJson.writeString(extract(circuit, blockIds, commentIds));
    }

    /**
     * Reads clipboard text back into a fragment to paste.
     *
     * @throws CommandRefusedException with a readable reason when the text is empty, too large, or
     *                                 not a VisualCircuit circuit
     */
    public static Circuit parse(String text) throws CommandRefusedException {
        if (text == null || text.isBlank()) {
            throw new CommandRefusedException("The clipboard is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new CommandRefusedException("The clipboard text is too large to be a copied circuit");
        }
        try {
            return CircuitJson.parse(text, "clipboard").circuit();
        } catch (CircuitFormatException e) {
            throw new CommandRefusedException("The clipboard does not hold VisualCircuit blocks (line "
                    + e.line() + ", column " + e.column() + ": " + e.detail() + ")", e);
        }
    }

    /**
     * A quick test, without parsing, of whether text may hold copied blocks: used to enable the
     * Paste action. {@link #parse} decides for real.
     */
    public static boolean mayHoldCircuit(String text) {
        return text != null && text.length() <= MAX_TEXT_LENGTH && text.stripLeading().startsWith("{")
                && text.contains("\"" + CircuitJson.FORMAT_NAME + "\"");
    }
}

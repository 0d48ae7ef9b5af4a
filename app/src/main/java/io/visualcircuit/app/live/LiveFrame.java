package io.visualcircuit.app.live;

import java.util.Map;

/**
 * An immutable snapshot of every wire and block of a run, published by {@link LiveSampler} and
 * read by the FX thread once per pulse. The maps are unmodifiable and never change after
 * publication, so a frame may be read from any thread without locking.
 *
 * @param number      counts up with every published frame
 * @param timeSeconds the sampler's clock when the frame was made (seconds since sampling started)
 * @param wires       by wire key {@code "block.port"}
 * @param blocks      by block id
 */
public record LiveFrame(long number, double timeSeconds, Map<String, WireLive> wires, Map<String, BlockLive> blocks) {
    public static final LiveFrame EMPTY = new LiveFrame(0, 0, Map.of(), Map.of());

    public LiveFrame {
        wires = Map.copyOf(wires);
        blocks = Map.copyOf(blocks);
    }

    public WireLive wire(String key) {
        return wires.get(key);
    }

    public BlockLive block(String id) {
        return blocks.get(id);
    }
}

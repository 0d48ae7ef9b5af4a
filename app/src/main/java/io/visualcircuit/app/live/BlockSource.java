package io.visualcircuit.app.live;

import io.visualcircuit.runtime.run.BlockStats;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.Run;

import java.util.Map;
import java.util.Optional;

/**
 * Where the sampler reads block states and health figures from. Called only on the sampler thread;
 * implementations must be safe to call from a thread other than the one that made them ({@link Run}
 * is).
 */
public interface BlockSource {
    Map<String, BlockStatus> states();

    Optional<BlockStats> stats(String blockId);

    /** Reads them from a running circuit. */
    static BlockSource of(Run run) {
        return new BlockSource() {
            @Override
            public Map<String, BlockStatus> states() {
                return run.states();
            }

            @Override
            public Optional<BlockStats> stats(String blockId) {
                return run.stats(blockId);
            }
        };
    }

    /** No blocks: for wires driven from outside a run (the live benchmark). */
    static BlockSource none() {
        return new BlockSource() {
            @Override
            public Map<String, BlockStatus> states() {
                return Map.of();
            }

            @Override
            public Optional<BlockStats> stats(String blockId) {
                return Optional.empty();
            }
        };
    }
}

package io.visualcircuit.app.live;

import io.visualcircuit.runtime.run.BlockStats;
import io.visualcircuit.runtime.run.BlockStatus;

/**
 * One block's state and health figures at one sampler tick. Immutable; part of a {@link LiveFrame}.
 *
 * @param status     the runtime's status of the block (never null)
 * @param stats      the figures the block process published, or null for blocks without a process
 * @param cpuPercent CPU use over the last measurement interval (100 = one core), NaN when unknown
 */
public record BlockLive(BlockStatus status, BlockStats stats, double cpuPercent) {
}

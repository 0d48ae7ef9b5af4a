package io.visualcircuit.runtime.run;

/**
 * Health figures a block process publishes about itself, read by the live view. Immutable.
 *
 * @param requestedRateHz the rate the block asked for (0 for event-driven blocks)
 * @param achievedRateHz  steps per second measured over the last second
 * @param loops           steps done since the block started
 * @param cpuSeconds      CPU time used by the block's process
 * @param rssBytes        resident memory of the block's process
 */
public record BlockStats(double requestedRateHz, double achievedRateHz, long loops, double cpuSeconds, long rssBytes) {
}

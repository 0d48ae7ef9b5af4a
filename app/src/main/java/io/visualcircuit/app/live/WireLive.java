package io.visualcircuit.app.live;

import io.visualcircuit.runtime.run.WireInfo;

/**
 * What the live view knows about one wire at one sampler tick. Immutable; part of a {@link LiveFrame}.
 *
 * @param info          the wire's key ({@code "block.port"}), segment and type
 * @param value         the latest value, or null before the first write
 * @param sequence      the writer's sequence of {@code value} (0 before the first write)
 * @param ratePerSecond writes per second measured from sequence deltas, so a 500 Hz writer reads
 *                      500 even though it is sampled at display rate
 * @param stale         true when no new value arrived for over a second
 * @param min           smallest numeric value seen (NaN when none)
 * @param max           largest numeric value seen (NaN when none)
 * @param mean          mean of the numeric values seen by the sampler (NaN when none)
 * @param history       recent values; long for watched wires (probes, plots, scopes), else short
 * @param thumbnail     a preview of the latest image for image wires that were asked for, else null
 * @param error         why the wire cannot be read (segment missing, corrupt), else null
 */
public record WireLive(
        WireInfo info,
        LiveValue value,
        long sequence,
        double ratePerSecond,
        boolean stale,
        double min,
        double max,
        double mean,
        History history,
        Thumbnail thumbnail,
        String error) {

    public String key() {
        return info.wire();
    }
}

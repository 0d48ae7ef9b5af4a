/**
 * Java blocks: the {@link io.visualcircuit.runtime.blocks.JavaBlock} interface a block process
 * steps, and the core block library behind {@link io.visualcircuit.runtime.blocks.BlockLibrary}.
 *
 * <p>Conventions every library block follows, so that circuits behave the same whatever the rates:
 * <ul>
 *   <li><b>Sampling.</b> A block samples its inputs once per step, and an input keeps its latest
 *       value between writes (a zero-order hold). Time-based blocks ({@code integrator},
 *       {@code low-pass}, {@code plant}, {@code delay}...) use the real elapsed time from
 *       {@link io.visualcircuit.runtime.blocks.BlockContext}; {@code moving-average} counts steps;
 *       {@code derivative} measures between new input values, so a slow writer gives a steady
 *       slope.</li>
 *   <li><b>Missing inputs.</b> Until an input it needs has a value, a block writes nothing on its
 *       output, so readers keep seeing "no value" instead of an invented number. The exceptions, each
 *       documented on its block: {@code toggle} (writes its state, false at first), {@code plant}
 *       (an undriven input counts as 0), {@code format} (shows {@code ?}) and the
 *       {@code expression} inputs its formula does not mention.</li>
 *   <li><b>Numbers.</b> Arithmetic is IEEE: division by zero gives an infinity or NaN and never
 *       throws. Booleans read as numbers are 1 and 0; numbers read as booleans are true when not 0.</li>
 *   <li><b>Parameters</b> are read on every step, so live edits apply from the next step; every
 *       block falls back to the catalog's default when a parameter is missing or not a number.</li>
 *   <li><b>Failures.</b> A block throws only for a setting it cannot work with (an unknown
 *       {@code compare} operator, a bad {@code expression} formula at the start, an unreadable image
 *       file), with a message meant for the user; the block process reports it as a crash of that
 *       block alone.</li>
 * </ul>
 *
 * <p>No JavaFX here: block processes run without it.
 */
package io.visualcircuit.runtime.blocks;

package io.visualcircuit.app.cli;

import io.visualcircuit.app.bench.EditorBench;
import io.visualcircuit.runtime.format.CircuitFormatException;
import io.visualcircuit.runtime.format.CircuitJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code vcircuit bench editor}: load time and pan/zoom frame rate of the editor canvas on generated
 * circuits of 100, 1,000 and 5,000 blocks. Its last line is
 * {@code editor: load_1000_ms=L fps_1000=F}.
 */
@Command(name = "editor", description = "Measure editor load time and pan/zoom frame rate (software rendering).",
        mixinStandardHelpOptions = true)
public final class EditorBenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Fewer sizes and frames, to check that the benchmark works.")
    boolean quick;

    @Option(names = "--frames", description = "Frames of scripted pan/zoom per size (default: 240, quick: 30).")
    Integer frames;

    @Override
    public Integer call() throws Exception {
        EditorBench.Settings s = quick ? EditorBench.Settings.quick() : EditorBench.Settings.full();
        if (frames != null) {
            s = new EditorBench.Settings(s.sizes(), Math.max(2, frames), s.width(), s.height());
        }
        EditorBench bench = new EditorBench(CircuitJson::write, bytes -> {
            try {
                return CircuitJson.parse(bytes, "generated.json").circuit();
            } catch (CircuitFormatException e) {
                throw new IllegalStateException("the generated circuit did not parse: " + e.getMessage(), e);
            }
        });
        bench.run(s, System.out);
        return 0;
    }
}

package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java writes every value type, a Python process reads each one and writes it back on a second
 * wire as that wire's writer, and Java reads it there: both directions, every type, with sizes that
 * force both sides to resize.
 */
class PythonInteropTest {
    @BeforeAll
    static void needsPython() {
        assumeTrue(PythonScripts.pythonAvailable(), "python3 with numpy is needed for the interop tests");
    }

    static List<Value> valuesThatGrow() {
        Random random = new Random(3);
        List<Value> values = new ArrayList<>();
        values.add(new Value.NumberValue(-2.5));
        values.add(new Value.BooleanValue(true));
        values.add(new Value.BooleanValue(false));
        values.add(new Value.LongValue(1L << 60));
        values.add(new Value.StringValue("ünïcode ✓ text"));
        values.add(new Value.DoubleArrayValue(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6.5}));
        values.add(new Value.DoubleArrayValue(new int[] {4}, new double[] {Double.MAX_VALUE, -0.0, 1e-300, 7}));
        for (int channels : new int[] {1, 3, 4}) {
            byte[] pixels = new byte[6 * 5 * channels];
            random.nextBytes(pixels);
            values.add(new Value.ImageValue(6, 5, channels, pixels));
        }
        values.add(new Value.NdArrayValue("<i2", new int[] {2, 2}, new byte[] {1, 0, 2, 0, 3, 0, (byte) 0xff, (byte) 0x7f}));
        values.add(new Value.NdArrayValue("<f4", new int[] {1}, new byte[] {0, 0, (byte) 0x80, 0x3f}));
        values.add(new Value.NdArrayValue("|u1", new int[] {3}, new byte[] {7, 8, 9}));
        values.add(new Value.StringValue("z".repeat(70_000)));
        byte[] frame = new byte[480 * 640 * 3];
        random.nextBytes(frame);
        values.add(new Value.ImageValue(480, 640, 3, frame));
        double[] big = new double[50_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = random.nextGaussian();
        }
        values.add(new Value.DoubleArrayValue(new int[] {100, 500}, big));
        values.add(new Value.NumberValue(42));
        return values;
    }

    @Test
    void shouldCarryEveryTypeFromJavaToPythonAndBackIncludingResizes() throws Exception {
        String to = "vc-test-" + UUID.randomUUID();
        String back = "vc-test-" + UUID.randomUUID();
        List<Value> values = valuesThatGrow();
        try (WireWriter toPython = WireWriter.create(to, 32); WireWriter backCreator = WireWriter.create(back, 32);
                WireReader fromPython = WireReader.open(back)) {
            Process python = PythonScripts.start("echo_wire.py", to, back, String.valueOf(values.size()));
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("ready", out.readLine());
                long seen = 0;
                for (Value value : values) {
                    toPython.write(value);
                    Sample echoed = fromPython.await(seen, TimeUnit.SECONDS.toNanos(30));
                    assertNotNull(echoed, "python did not echo " + value);
                    seen = echoed.sequence();
                    assertEquals(value, echoed.value());
                }
                assertEquals(values.size(), seen);
                assertEquals(0, python.waitFor());
            } finally {
                python.destroyForcibly();
            }
        }
    }
}

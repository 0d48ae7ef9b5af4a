package io.visualcircuit.app.live;

import io.visualcircuit.ipc.RunSegments;
import io.visualcircuit.ipc.Value;
import io.visualcircuit.ipc.WireWriter;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.run.WireInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcWireSourceTest {

    @Test
    void shouldReadTheLatestValueOfARealSegmentOnlyWhenNewer() {
        try (RunSegments run = RunSegments.create(null)) {
            WireWriter w = run.createWire("wave.out", 64);
            WireInfo info = new WireInfo("wave.out", run.segmentName("wave.out"), PortType.NUMBER);
            try (WireSource src = IpcWireSource.open(info)) {
                assertNull(src.readIfNewer(0), "nothing written yet");
                w.writeDouble(1.0);
                w.writeDouble(2.5);
                WireSource.WireSample s = src.readIfNewer(0);
                assertEquals(2, s.sequence());
                assertEquals(new LiveValue.Number(2.5), s.value());
                assertNull(src.readIfNewer(2));
            }
        }
    }

    @Test
    void shouldConvertEveryWireValueKind() {
        assertEquals(new LiveValue.Number(7), IpcWireSource.convert(new Value.LongValue(7)));
        assertEquals(new LiveValue.Bool(true), IpcWireSource.convert(new Value.BooleanValue(true)));
        assertEquals(new LiveValue.Text("hi"), IpcWireSource.convert(new Value.StringValue("hi")));
        assertEquals(new LiveValue.Array(new int[] {2}, new double[] {1, 2}),
                IpcWireSource.convert(new Value.DoubleArrayValue(new int[] {2}, new double[] {1, 2})));
        LiveValue img = IpcWireSource.convert(new Value.ImageValue(1, 2, 3, new byte[6]));
        assertEquals(new LiveValue.Image(1, 2, 3, new byte[6]), img);
    }

    @Test
    void shouldConvertNumericNumpyArraysToDoubles() {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(1.5f).putFloat(-2f).putFloat(3f);
        LiveValue v = IpcWireSource.convert(new Value.NdArrayValue("<f4", new int[] {3}, b.array()));
        assertTrue(v instanceof LiveValue.Array);
        assertArrayEquals(new double[] {1.5, -2, 3}, ((LiveValue.Array) v).data());
        LiveValue u8 = IpcWireSource.convert(new Value.NdArrayValue("|u1", new int[] {2}, new byte[] {(byte) 200, 1}));
        assertArrayEquals(new double[] {200, 1}, ((LiveValue.Array) u8).data());
    }

    @Test
    void shouldSummariseNonNumericNumpyArraysAsText() {
        LiveValue v = IpcWireSource.convert(new Value.NdArrayValue("<U1", new int[] {1}, new byte[] {'x', 0, 0, 0}));
        assertTrue(v instanceof LiveValue.Text t && t.value().startsWith("ndarray <U1"), String.valueOf(v));
    }
}

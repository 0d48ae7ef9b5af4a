package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Waiting for a wire to move without reading its value. */
class AwaitNewerTest {

    @Test
    void shouldWakeOnAPublishWithoutConsumingTheValue() throws Exception {
        String name = "vc-test-" + UUID.randomUUID();
        try (WireWriter w = WireWriter.create(name, 64); WireReader waiter = WireReader.open(name);
             WireReader reader = WireReader.open(name)) {
            assertFalse(waiter.awaitNewer(0, 20_000_000L), "nothing written yet: times out");
            CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> waiter.awaitNewer(0, 10_000_000_000L));
            Thread.sleep(50); // let the waiter go to sleep on the futex; it must be woken, not time out
            w.writeDouble(4.5);
            assertTrue(woke.get(10, TimeUnit.SECONDS));
            assertTrue(waiter.awaitNewer(0, 0), "already newer: returns at once");
            assertFalse(waiter.awaitNewer(1, 20_000_000L), "nothing after sequence 1");
            Sample s = waiter.readIfNewer(0);
            assertEquals(new Value.NumberValue(4.5), s.value(), "the value is still there to read");
            assertEquals(1, reader.read().sequence());
        }
    }
}

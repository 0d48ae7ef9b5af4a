package io.visualcircuit.ipc;

/**
 * Child process of the stress test: reads a wire until its writer closes, checking every value
 * against the payload its sequence number implies. Prints {@code ready} once open, then
 * {@code result reads=N torn=T skipped=S}.
 *
 * <p>usage: StressReaderMain SEGMENT spin|await
 */
public final class StressReaderMain {
    private StressReaderMain() {
    }

    public static void main(String[] args) {
        boolean await = args[1].equals("await");
        long reads = 0;
        long torn = 0;
        long skipped = 0;
        try (WireReader reader = WireReader.open(args[0])) {
            System.out.println("ready");
            System.out.flush();
            long last = 0;
            while (true) {
                Sample sample = await ? reader.await(last, 50_000_000L) : reader.readIfNewer(last);
                if (sample == null) {
                    if (!reader.writerAlive() && reader.sequence() == last) {
                        break;
                    }
                    Thread.onSpinWait();
                    continue;
                }
                reads++;
                skipped += sample.skipped();
                last = sample.sequence();
                byte[] data = ((Value.NdArrayValue) sample.value()).data();
                if (!StressPayload.matches(data, sample.sequence())) {
                    torn++;
                }
            }
        }
        System.out.println("result reads=" + reads + " torn=" + torn + " skipped=" + skipped);
    }
}

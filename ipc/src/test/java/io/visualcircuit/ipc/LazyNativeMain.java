package io.visualcircuit.ipc;

/**
 * Child process for {@link LazyNativeBindingTest}: uses a wire the way a block that steps at a
 * fixed rate does (create, attach as writer, write, read, close), prints {@code fixed-rate done},
 * then blocks on the wire with a timeout, as an event-driven block does, and prints
 * {@code blocking done}. Run with class-load logging on stdout so that the test sees when jnr-ffi
 * is loaded.
 *
 * <p>usage: LazyNativeMain SEGMENT [prepare]; with {@code prepare} it only calls
 * {@link WireReader#prepareBlockingWaits()} between the two lines.
 */
public final class LazyNativeMain {
    private LazyNativeMain() {
    }

    public static void main(String[] args) {
        if (args.length > 1 && args[1].equals("prepare")) {
            System.out.println("fixed-rate done (nothing used)");
            System.out.flush();
            WireReader.prepareBlockingWaits();
            System.out.println("blocking done prepared");
            System.out.flush();
            return;
        }
        try (WireWriter created = WireWriter.create(args[0], 64)) {
            created.writeDouble(1.0);
            try (WireWriter writer = WireWriter.attach(args[0]); WireReader reader = WireReader.open(args[0])) {
                writer.writeDouble(2.0);
                writer.writeString("fixed rate");
                Sample s = reader.readIfNewer(0);
                if (s == null || !reader.writerAlive()) {
                    throw new IllegalStateException("the wire did not work: " + s);
                }
                System.out.println("fixed-rate done " + s.value());
                System.out.flush();
                Sample none = reader.await(s.sequence(), 50_000_000L);
                System.out.println("blocking done " + none);
                System.out.flush();
            }
        }
    }
}

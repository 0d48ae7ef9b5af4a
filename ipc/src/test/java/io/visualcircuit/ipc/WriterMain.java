package io.visualcircuit.ipc;

/**
 * Child process that attaches as a wire's writer and writes stress payloads at full speed until
 * killed. Prints {@code writing} after its first write.
 *
 * <p>usage: WriterMain SEGMENT
 */
public final class WriterMain {
    private WriterMain() {
    }

    public static void main(String[] args) {
        WireWriter writer = WireWriter.attach(args[0]);
        boolean announced = false;
        while (true) {
            long seq = writer.sequence() + 1;
            writer.writeNdArray("|u1", new int[] {StressPayload.sizeFor(seq)}, StressPayload.forSequence(seq));
            if (!announced) {
                System.out.println("writing");
                System.out.flush();
                announced = true;
            }
        }
    }
}

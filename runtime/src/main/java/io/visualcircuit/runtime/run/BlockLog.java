package io.visualcircuit.runtime.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of one block in a run: a bounded ring of recent lines in memory, and every line in a
 * text file in the run directory (it survives restarts of the block). Lines arrive from the
 * block's stdout and stderr reader threads and from the supervisor; all methods are synchronised,
 * so any thread may call them.
 */
final class BlockLog implements AutoCloseable {
    private final String blockId;
    private final int capacity;
    private final ArrayDeque<LogLine> ring;
    private final Path file;
    private BufferedWriter writer;
    private boolean fileBroken;

    BlockLog(String blockId, int capacity, Path file) {
        this.blockId = blockId;
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(Math.min(capacity, 256));
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized LogLine add(LogLine.Stream stream, String text) {
        LogLine line = new LogLine(blockId, Instant.now(), stream, text);
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(line);
        writeToFile(line);
        return line;
    }

    private void writeToFile(LogLine line) {
        if (fileBroken) {
            return;
        }
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            writer.write(line.time().toString());
            writer.write(switch (line.stream()) {
                case STDOUT -> " out ";
                case STDERR -> " err ";
                case RUNTIME -> " run ";
            });
            writer.write(line.text());
            writer.newLine();
            // Flushed per line: the file matters most when the block or the runtime just died.
            writer.flush();
        } catch (IOException e) {
            // A full disk must not stop the block; the in-memory ring still has the lines.
            fileBroken = true;
        }
    }

    synchronized List<LogLine> snapshot() {
        return new ArrayList<>(ring);
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                fileBroken = true;
            }
            writer = null;
        }
    }
}

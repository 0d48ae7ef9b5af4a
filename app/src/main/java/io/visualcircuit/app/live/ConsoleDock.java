package io.visualcircuit.app.live;

import io.visualcircuit.runtime.run.LogLine;
import io.visualcircuit.runtime.run.RunListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console dock: every block's log lines, a filter by block, highlighted errors, clickable
 * Python traceback lines, and "Restart block" in the context menu.
 *
 * <p>Threading: {@link #listener()} returns a {@link RunListener} that the runtime calls on its own
 * threads; it only appends to a concurrent queue. Everything else is FX thread only, and
 * {@link #drain()} moves the queued lines into the view in one batch per pulse.
 */
public final class ConsoleDock extends BorderPane {
    /** Lines kept in the view; older ones are dropped so a chatty block cannot exhaust memory. */
    static final int MAX_LINES = 20_000;
    /** Lines waiting for the FX thread beyond this are dropped (and counted) rather than queued forever. */
    static final int MAX_QUEUED = 50_000;
    private static final String ALL = "All blocks";
    /**
     * A traceback frame in a code block's own source: either named {@code <block ID>}, or the file
     * the runtime wrote the block's code to ({@code .../blocks/ID.py}, the block being the line's
     * sender). Frames of library code do not match and stay plain text.
     */
    static final Pattern TRACEBACK_FRAME = Pattern.compile(
            "File \"(?:<(?:block )?([^>\"]+)>|[^\"]*[/\\\\]blocks[/\\\\][^/\\\\\"]+\\.py)\", line (\\d+)");
    private static final Pattern ERROR_WORDS = Pattern.compile(
            "Traceback|Error\\b|Exception\\b|error:|crashed|FATAL", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Queue<LogLine> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> filtered = new FilteredList<>(lines);
    private final ListView<LogLine> list = new ListView<>(filtered);
    private final ComboBox<String> filter = new ComboBox<>();
    private final Label droppedLabel = new Label();
    private final TreeSet<String> blockIds = new TreeSet<>();
    private BiConsumer<String, Integer> openCode = (b, l) -> { };
    private Consumer<String> restartBlock = b -> { };
    private Runnable onReveal = () -> { };

    private final RunListener listener = new RunListener() {
        @Override
        public void logLine(LogLine line) {
            if (queued.incrementAndGet() > MAX_QUEUED) {
                queued.decrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            queue.add(line);
        }
    };

    public ConsoleDock() {
        setId("console");
        filter.setId("consoleFilter");
        list.setId("consoleList");
        filter.getItems().add(ALL);
        filter.getSelectionModel().select(ALL);
        filter.valueProperty().addListener((o, a, b) -> applyFilter());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> lines.clear());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Console"), filter, grow, droppedLabel, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);
        setCenter(list);
        list.setCellFactory(v -> new LineCell());
        setPrefHeight(180);
    }

    /** The listener to add to a run; its callbacks only queue lines. Any thread. */
    public RunListener listener() {
        return listener;
    }

    /** Called with (block id, line) when a traceback frame is clicked. */
    public void setOnOpenCode(BiConsumer<String, Integer> openCode) {
        this.openCode = openCode;
    }

    /** Called with a block id when "Restart block" is chosen. */
    public void setOnRestartBlock(Consumer<String> restartBlock) {
        this.restartBlock = restartBlock;
    }

    /** Called when the console wants to be seen (a crashed block's log was asked for). */
    public void setOnReveal(Runnable onReveal) {
        this.onReveal = onReveal;
    }

    /** Moves every queued line into the view at once. FX thread, once per pulse. */
    public void drain() {
        if (queue.isEmpty()) {
            return;
        }
        List<LogLine> batch = new ArrayList<>();
        LogLine l;
        while ((l = queue.poll()) != null) {
            batch.add(l);
            if (blockIds.add(l.blockId())) {
                filter.getItems().add(l.blockId());
            }
        }
        queued.addAndGet(-batch.size());
        boolean atEnd = isScrolledToEnd();
        lines.addAll(batch);
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
        int d = dropped.get();
        droppedLabel.setText(d == 0 ? "" : d + " lines dropped");
        if (atEnd && !filtered.isEmpty()) {
            // The list learns its new length only when laid out, so lay it out first; then bring
            // the newest line fully into view at the bottom (ListView.scrollTo puts a line at the
            // top, and at the end of a list that just grew it left the new lines below the view).
            list.layout();
            if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.scrollTo(filtered.size() - 1);
            } else {
                list.scrollTo(filtered.size() - 1);
            }
        }
    }

    /**
     * Whether the view shows the newest line, so new lines should keep it at the end. A user who
     * scrolled up (to read or click a traceback) or selected an older line is left where they are;
     * following the tail regardless would move the line away under their mouse on the next pulse.
     */
    private boolean isScrolledToEnd() {
        int sel = list.getSelectionModel().getSelectedIndex();
        if (sel >= 0 && sel < filtered.size() - 1) {
            return false;
        }
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= filtered.size() - 1;
    }

    /**
     * Scrolls the view so {@code line} is shown at the top (or as near as the end of the list
     * allows); nothing happens when it is not among the shown lines. FX thread.
     */
    public void reveal(LogLine line) {
        int i = filtered.indexOf(line);
        if (i >= 0) {
            list.scrollTo(i);
        }
    }

    /** Shows only the given block's lines (null for all). FX thread. */
    public void showBlock(String blockId) {
        if (blockId != null && blockIds.add(blockId)) {
            filter.getItems().add(blockId);
        }
        filter.getSelectionModel().select(blockId == null ? ALL : blockId);
        onReveal.run();
    }

    /** Empties the view, for a new run. FX thread. */
    public void clear() {
        lines.clear();
        queue.clear();
        queued.set(0);
        dropped.set(0);
        droppedLabel.setText("");
    }

    /** The lines currently shown (after the filter). FX thread. */
    public List<LogLine> visibleLines() {
        return List.copyOf(filtered);
    }

    private void applyFilter() {
        String f = filter.getValue();
        filtered.setPredicate(f == null || ALL.equals(f) ? null : line -> f.equals(line.blockId()));
    }

    /** Whether a line is shown as an error. */
    static boolean isError(LogLine line) {
        return line.stream() == LogLine.Stream.STDERR || ERROR_WORDS.matcher(line.text()).find();
    }

    private final class LineCell extends ListCell<LogLine> {
        LineCell() {
            setFont(Font.font("Monospaced", 12));
        }

        @Override
        protected void updateItem(LogLine item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("console-error");
            setStyle(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            String prefix = TIME.format(item.time()) + " [" + item.blockId() + "] ";
            Matcher m = TRACEBACK_FRAME.matcher(item.text());
            if (m.find()) {
                String block = m.group(1) != null ? m.group(1) : item.blockId();
                int lineNo = Integer.parseInt(m.group(2));
                Hyperlink link = new Hyperlink(prefix + item.text());
                link.setId("traceback-" + block + "-" + lineNo);
                link.setStyle("-fx-text-fill: #dc2626; -fx-font-family: Monospaced;");
                link.setOnAction(e -> openCode.accept(block, lineNo));
                setText(null);
                setGraphic(link);
            } else {
                setGraphic(null);
                setText(prefix + item.text());
                if (isError(item)) {
                    getStyleClass().add("console-error");
                    setStyle("-fx-text-fill: #dc2626;");
                }
            }
            MenuItem restart = new MenuItem("Restart block " + item.blockId());
            restart.setOnAction(e -> restartBlock.accept(item.blockId()));
            MenuItem only = new MenuItem("Show only " + item.blockId());
            only.setOnAction(e -> showBlock(item.blockId()));
            setContextMenu(new ContextMenu(restart, only));
        }
    }
}

package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.Wire;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The circuit canvas: one JavaFX {@link Canvas} the size of the viewport, painted in immediate mode
 * through {@link CircuitPainter}, with pan/zoom, selection, moving, wiring and a minimap.
 *
 * <p>Repaints are coalesced: changes only mark the canvas dirty and an {@link AnimationTimer},
 * running only while something is dirty (or the overlay animates), paints at most once per pulse.
 * The circuit is laid out once per {@link #setCircuit} into a {@link CircuitGeometry}; hit tests
 * use its spatial index in world coordinates.
 *
 * <p>Threading: FX thread only.
 */
public final class CircuitCanvas extends Region {
    /** Size in screen pixels of the resize grip of a selected comment. */
    static final double GRIP = 12;

    private final Canvas canvas = new Canvas();
    private final Minimap minimap;
    private final TextField renameField = new TextField();
    private final ViewTransform view = new ViewTransform();
    private final CircuitPainter painter = new CircuitPainter();
    private final CircuitPainter.Frame frame = new CircuitPainter.Frame();
    private final Catalog catalog;
    private CircuitGeometry geometry;
    private CanvasActions actions = new CanvasActions() { };
    private boolean dirty = true;
    private boolean timerRunning;
    private long framesPainted;
    private long lastPaintNanos;
    private LongConsumer frameListener;
    private boolean snapToGrid = true;
    private final Set<String> selectedBlocks = new LinkedHashSet<>();
    private final Set<String> selectedComments = new LinkedHashSet<>();
    private final Set<Wire> selectedWires = new LinkedHashSet<>();

    private enum Gesture { NONE, PAN, MOVE, WIRE, RUBBER, OVERLAY, RESIZE }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private double mouseX;
    private double mouseY;
    private boolean spaceDown;
    private boolean spaceUsedForPan;
    private Block overlayBlock;
    private String renaming;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            boolean animate = frame.overlay != null && frame.overlay.animating();
            if (dirty || animate) {
                paintNow();
            }
            if (!dirty && !animate) {
                stop();
                timerRunning = false;
            }
        }
    };

    public CircuitCanvas(Catalog catalog) {
        this.catalog = catalog;
        this.geometry = new CircuitGeometry(Circuit.empty(""), catalog);
        this.minimap = new Minimap(this);
        setId("circuitCanvas");
        getStyleClass().add("circuit-canvas");
        setFocusTraversable(true);
        setMinSize(100, 100);
        canvas.setFocusTraversable(false);
        renameField.setVisible(false);
        renameField.setManaged(false);
        renameField.setId("renameField");
        getChildren().addAll(canvas, minimap, renameField);
        canvas.widthProperty().addListener(o -> markDirty());
        canvas.heightProperty().addListener(o -> markDirty());
        sceneProperty().addListener((o, a, s) -> markDirty());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            updateHoverCursor();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, this::onKeyReleased);
        renameField.setOnAction(e -> finishRename(true));
        renameField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                finishRename(false);
                e.consume();
            }
            if (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.DELETE) {
                e.consume();
            }
        });
        renameField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                finishRename(true);
            }
        });
    }

    // ---------------------------------------------------------------- model and state

    public void setActions(CanvasActions a) {
        this.actions = a == null ? new CanvasActions() { } : a;
    }

    /** Shows a new circuit version: lays it out once, drops selection entries that no longer exist. */
    public void setCircuit(Circuit circuit) {
        geometry = new CircuitGeometry(circuit, catalog);
        boolean changed = selectedBlocks.removeIf(id -> circuit.block(id).isEmpty());
        Set<String> commentIds = new HashSet<>();
        for (Comment c : circuit.comments()) {
            commentIds.add(c.id());
        }
        changed |= selectedComments.removeIf(id -> !commentIds.contains(id));
        changed |= selectedWires.retainAll(new HashSet<>(circuit.wires()));
        minimap.contentChanged();
        markDirty();
        if (changed) {
            actions.selectionChanged();
        }
    }

    public Circuit circuit() {
        return geometry.circuit();
    }

    public CircuitGeometry geometry() {
        return geometry;
    }

    public ViewTransform view() {
        return view;
    }

    /** Installs the live view's overlay (null removes it) and repaints. */
    public void setOverlay(CanvasOverlay overlay) {
        frame.overlay = overlay;
        markDirty();
    }

    public CanvasOverlay overlay() {
        return frame.overlay;
    }

    public void setTheme(CanvasTheme theme) {
        frame.theme = theme;
        minimap.contentChanged();
        markDirty();
    }

    public void setOrthogonalWires(boolean orthogonal) {
        frame.orthogonal = orthogonal;
        markDirty();
    }

    public boolean orthogonalWires() {
        return frame.orthogonal;
    }

    public void setSnapToGrid(boolean snap) {
        this.snapToGrid = snap;
    }

    public boolean snapToGrid() {
        return snapToGrid;
    }

    public void setShowMinimap(boolean show) {
        minimap.setVisible(show);
    }

    public Set<String> selectedBlocks() {
        return Set.copyOf(selectedBlocks);
    }

    public Set<String> selectedComments() {
        return Set.copyOf(selectedComments);
    }

    public Set<Wire> selectedWires() {
        return Set.copyOf(selectedWires);
    }

    public boolean hasSelection() {
        return !selectedBlocks.isEmpty() || !selectedComments.isEmpty() || !selectedWires.isEmpty();
    }

    /** Replaces the selection. */
    public void select(Set<String> blocks, Set<String> comments, Set<Wire> wires) {
        selectedBlocks.clear();
        selectedComments.clear();
        selectedWires.clear();
        selectedBlocks.addAll(blocks);
        selectedComments.addAll(comments);
        selectedWires.addAll(wires);
        markDirty();
        actions.selectionChanged();
    }

    public void selectAll() {
        Set<String> b = new LinkedHashSet<>();
        for (Block x : circuit().blocks()) {
            b.add(x.id());
        }
        Set<String> c = new LinkedHashSet<>();
        for (Comment x : circuit().comments()) {
            c.add(x.id());
        }
        select(b, c, Set.of());
    }

    public void clearSelection() {
        select(Set.of(), Set.of(), Set.of());
    }

    // ---------------------------------------------------------------- painting

    /** Asks for a repaint on the next pulse; many calls in one pulse give one paint. */
    public void markDirty() {
        dirty = true;
        if (!timerRunning) {
            timerRunning = true;
            timer.start();
        }
    }

    /** Called once per painted frame with the paint time in nanoseconds (for the benchmark). */
    public void setFrameListener(LongConsumer listener) {
        this.frameListener = listener;
    }

    public long framesPainted() {
        return framesPainted;
    }

    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    public int lastBlocksPainted() {
        return painter.lastBlocksPainted();
    }

    /** Paints immediately (normally the animation timer does this once per pulse). */
    public void paintNow() {
        long t0 = System.nanoTime();
        dirty = false;
        frame.selectedBlocks = selectedBlocks;
        frame.selectedComments = selectedComments;
        frame.selectedWires = selectedWires;
        frame.outputScale = getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX() : 1;
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), view, geometry, frame);
        minimap.paint(frame.theme);
        lastPaintNanos = System.nanoTime() - t0;
        framesPainted++;
        if (frameListener != null) {
            frameListener.accept(lastPaintNanos);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        // The canvas is exactly the viewport: never a bitmap the size of the whole circuit.
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        minimap.resizeRelocate(w - Minimap.WIDTH - 12, h - Minimap.HEIGHT - 12, Minimap.WIDTH, Minimap.HEIGHT);
        if (renameField.isVisible()) {
            positionRenameField();
        }
    }

    // ---------------------------------------------------------------- view commands

    public void zoomIn() {
        view.zoomAt(getWidth() / 2, getHeight() / 2, 1.25);
        markDirty();
    }

    public void zoomOut() {
        view.zoomAt(getWidth() / 2, getHeight() / 2, 0.8);
        markDirty();
    }

    public void zoomReset() {
        view.zoomTo(getWidth() / 2, getHeight() / 2, 1.0);
        markDirty();
    }

    public void zoomToFit() {
        CircuitGeometry g = geometry;
        if (g.isEmpty()) {
            view.set(1, 0, 0);
        } else {
            view.fit(g.minX(), g.minY(), g.maxX(), g.maxY(), Math.max(200, getWidth()), Math.max(200, getHeight()));
        }
        markDirty();
    }

    /** Centres the view on a block (keeps the zoom). */
    public void centreOn(String blockId) {
        BlockGeometry b = geometry.block(blockId);
        if (b != null) {
            view.centreOn(b.x() + b.width() / 2, b.y() + b.height() / 2, getWidth(), getHeight());
            markDirty();
        }
    }

    /** Centres the view on a world point. */
    public void centreOnWorld(double wx, double wy) {
        view.centreOn(wx, wy, getWidth(), getHeight());
        markDirty();
    }

    /** The world point at the centre of the view. */
    public Point2D viewCentre() {
        return new Point2D(view.toWorldX(getWidth() / 2), view.toWorldY(getHeight() / 2));
    }

    /** The world point under the mouse (or the centre when the mouse is outside). */
    public Point2D mouseWorld() {
        if (mouseX <= 0 || mouseY <= 0 || mouseX >= getWidth() || mouseY >= getHeight()) {
            return viewCentre();
        }
        return new Point2D(view.toWorldX(mouseX), view.toWorldY(mouseY));
    }

    /** Screen coordinates of a world point (for popups and UI tests). */
    public Point2D worldToScreen(double wx, double wy) {
        return localToScreen(view.toScreenX(wx), view.toScreenY(wy));
    }

    /** Screen coordinates of a port's centre, or null when it does not exist. */
    public Point2D portScreenPoint(PortRef ref) {
        double[] p = geometry.portPosition(ref);
        return p == null ? null : worldToScreen(p[0], p[1]);
    }

    /** Screen coordinates of the middle of a block's title bar, or null. */
    public Point2D blockScreenPoint(String blockId) {
        BlockGeometry b = geometry.block(blockId);
        return b == null ? null : worldToScreen(b.x() + b.width() / 2, b.y() + BlockGeometry.HEADER / 2);
    }

    /** Converts a screen point to world coordinates. */
    public Point2D screenToWorld(double screenX, double screenY) {
        Point2D local = screenToLocal(screenX, screenY);
        return new Point2D(view.toWorldX(local.getX()), view.toWorldY(local.getY()));
    }

    double snap(double v) {
        double gs = frame.gridSize;
        return snapToGrid ? Math.round(v / gs) * gs : v;
    }

    // ---------------------------------------------------------------- hit testing

    /** A port under a point. */
    public record PortHit(BlockGeometry block, PortSpec port) {
        public PortRef ref() {
            return new PortRef(block.id(), port.name());
        }
    }

    /** The port within reach of world point (wx, wy), or null. */
    public PortHit portAt(double wx, double wy) {
        double reach = Math.max(BlockGeometry.PORT_RADIUS + 4, 8 / view.scale());
        PortHit[] best = {null};
        double[] bestD = {reach};
        geometry.blocksIn(wx - reach, wy - reach, wx + reach, wy + reach, i -> {
            BlockGeometry b = geometry.blocks().get(i);
            for (PortSpec p : b.inputs()) {
                consider(b, p, wx, wy, best, bestD);
            }
            for (PortSpec p : b.outputs()) {
                consider(b, p, wx, wy, best, bestD);
            }
        });
        return best[0];
    }

    private static void consider(BlockGeometry b, PortSpec p, double wx, double wy, PortHit[] best, double[] bestD) {
        double d = Math.hypot(b.x() + b.portDx(p) - wx, b.y() + b.portDy(p) - wy);
        if (d <= bestD[0]) {
            bestD[0] = d;
            best[0] = new PortHit(b, p);
        }
    }

    /** The top-most block containing world point (wx, wy), or null. */
    public BlockGeometry blockAt(double wx, double wy) {
        BlockGeometry[] hit = {null};
        int[] order = {-1};
        geometry.blocksIn(wx, wy, wx, wy, i -> {
            BlockGeometry b = geometry.blocks().get(i);
            if (b.contains(wx, wy) && i > order[0]) {
                order[0] = i;
                hit[0] = b;
            }
        });
        return hit[0];
    }

    /** The wire within a few pixels of world point (wx, wy), or null. */
    public Wire wireAt(double wx, double wy) {
        double reach = 5 / view.scale();
        Wire[] hit = {null};
        double[] bestD = {reach};
        geometry.wiresIn(wx - reach, wy - reach, wx + reach, wy + reach, i -> {
            CircuitGeometry.WireGeometry w = geometry.wires().get(i);
            double d = WirePath.distance(w.x1(0), w.y1(0), w.x2(0), w.y2(0), frame.orthogonal, wx, wy);
            if (d <= bestD[0]) {
                bestD[0] = d;
                hit[0] = w.wire();
            }
        });
        return hit[0];
    }

    /** The top-most comment containing world point (wx, wy), or null. */
    public Comment commentAt(double wx, double wy) {
        var list = geometry.comments();
        for (int i = list.size() - 1; i >= 0; i--) {
            Comment c = list.get(i);
            if (wx >= c.x() && wx <= c.x() + c.width() && wy >= c.y() && wy <= c.y() + c.height()) {
                return c;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- mouse

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (renameField.isVisible()) {
            finishRename(true);
        }
        pressX = lastX = mouseX = e.getX();
        pressY = lastY = mouseY = e.getY();
        double wx = view.toWorldX(e.getX());
        double wy = view.toWorldY(e.getY());
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            gesture = Gesture.PAN;
            spaceUsedForPan |= spaceDown;
            setCursor(Cursor.CLOSED_HAND);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        boolean additive = e.isShiftDown() || e.isShortcutDown() || e.isControlDown();
        PortHit port = portAt(wx, wy);
        if (port != null && e.getClickCount() == 1) {
            gesture = Gesture.WIRE;
            frame.wireStart = port.ref();
            frame.wireEndX = wx;
            frame.wireEndY = wy;
            frame.compatiblePorts = compatiblePorts(port);
            markDirty();
            return;
        }
        BlockGeometry block = blockAt(wx, wy);
        if (block != null) {
            if (frame.overlay != null && frame.overlay.mouseOnBlock(e, block.block(), wx, wy)) {
                gesture = Gesture.OVERLAY;
                overlayBlock = block.block();
                markDirty();
                return;
            }
            String id = block.id();
            if (additive) {
                if (!selectedBlocks.remove(id)) {
                    selectedBlocks.add(id);
                }
                actions.selectionChanged();
            } else if (!selectedBlocks.contains(id)) {
                select(Set.of(id), Set.of(), Set.of());
            }
            gesture = selectedBlocks.contains(id) ? Gesture.MOVE : Gesture.NONE;
            markDirty();
            return;
        }
        Wire wire = wireAt(wx, wy);
        if (wire != null) {
            if (frame.overlay != null && frame.overlay.wireClicked(e, wire)) {
                markDirty();
                return;
            }
            if (additive) {
                if (!selectedWires.remove(wire)) {
                    selectedWires.add(wire);
                }
                actions.selectionChanged();
            } else {
                select(Set.of(), Set.of(), Set.of(wire));
            }
            gesture = Gesture.NONE;
            markDirty();
            return;
        }
        Comment comment = commentAt(wx, wy);
        if (comment != null) {
            double grip = GRIP / view.scale();
            if (!additive && selectedComments.contains(comment.id())
                    && wx >= comment.x() + comment.width() - grip && wy >= comment.y() + comment.height() - grip) {
                gesture = Gesture.RESIZE;
                frame.resizeId = comment.id();
                frame.resizeW = comment.width();
                frame.resizeH = comment.height();
                return;
            }
            if (additive) {
                if (!selectedComments.remove(comment.id())) {
                    selectedComments.add(comment.id());
                }
                actions.selectionChanged();
            } else if (!selectedComments.contains(comment.id())) {
                select(Set.of(), Set.of(comment.id()), Set.of());
            }
            gesture = selectedComments.contains(comment.id()) ? Gesture.MOVE : Gesture.NONE;
            markDirty();
            return;
        }
        if (!additive && hasSelection()) {
            clearSelection();
        }
        gesture = Gesture.RUBBER;
        frame.rubberBand = new double[] {wx, wy, wx, wy};
        markDirty();
    }

    private Set<PortRef> compatiblePorts(PortHit start) {
        Set<PortRef> out = new HashSet<>();
        boolean fromOutput = start.port().direction() == Direction.OUT;
        for (BlockGeometry b : geometry.blocks()) {
            for (PortSpec p : fromOutput ? b.inputs() : b.outputs()) {
                PortRef other = new PortRef(b.id(), p.name());
                PortRef from = fromOutput ? start.ref() : other;
                PortRef to = fromOutput ? other : start.ref();
                // Cheap type filter first: the full rule check runs only on plausible pairs.
                PortSpec outSpec = fromOutput ? start.port() : p;
                PortSpec inSpec = fromOutput ? p : start.port();
                if (outSpec.type().canFeed(inSpec.type()) && actions.connectionRefusal(from, to).isEmpty()) {
                    out.add(other);
                }
            }
        }
        return out;
    }

    private void onDragged(MouseEvent e) {
        double dxs = e.getX() - lastX;
        double dys = e.getY() - lastY;
        lastX = mouseX = e.getX();
        lastY = mouseY = e.getY();
        double wx = view.toWorldX(e.getX());
        double wy = view.toWorldY(e.getY());
        switch (gesture) {
            case PAN -> {
                view.panBy(dxs, dys);
                markDirty();
            }
            case MOVE -> {
                frame.moveDx = snap((e.getX() - pressX) / view.scale());
                frame.moveDy = snap((e.getY() - pressY) / view.scale());
                markDirty();
            }
            case WIRE -> {
                frame.wireEndX = wx;
                frame.wireEndY = wy;
                markDirty();
            }
            case RUBBER -> {
                frame.rubberBand[2] = wx;
                frame.rubberBand[3] = wy;
                markDirty();
            }
            case OVERLAY -> {
                frame.overlay.mouseOnBlock(e, overlayBlock, wx, wy);
                markDirty();
            }
            case RESIZE -> {
                Comment c = commentById(frame.resizeId);
                if (c != null) {
                    frame.resizeW = Math.max(60, snap(c.width() + (e.getX() - pressX) / view.scale()));
                    frame.resizeH = Math.max(30, snap(c.height() + (e.getY() - pressY) / view.scale()));
                }
                markDirty();
            }
            default -> {
            }
        }
    }

    private Comment commentById(String id) {
        for (Comment c : geometry.comments()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    private void onReleased(MouseEvent e) {
        double wx = view.toWorldX(e.getX());
        double wy = view.toWorldY(e.getY());
        Gesture g = gesture;
        gesture = Gesture.NONE;
        setCursor(Cursor.DEFAULT);
        switch (g) {
            case MOVE -> {
                double dx = frame.moveDx;
                double dy = frame.moveDy;
                frame.moveDx = 0;
                frame.moveDy = 0;
                if (dx != 0 || dy != 0) {
                    actions.moveItems(Set.copyOf(selectedBlocks), Set.copyOf(selectedComments), dx, dy);
                }
                markDirty();
            }
            case WIRE -> finishWire(e, wx, wy);
            case RUBBER -> {
                double[] r = frame.rubberBand;
                frame.rubberBand = null;
                double x0 = Math.min(r[0], r[2]);
                double y0 = Math.min(r[1], r[3]);
                double x1 = Math.max(r[0], r[2]);
                double y1 = Math.max(r[1], r[3]);
                if (x1 - x0 > 2 / view.scale() || y1 - y0 > 2 / view.scale()) {
                    geometry.blocksIn(x0, y0, x1, y1, i -> {
                        BlockGeometry b = geometry.blocks().get(i);
                        if (b.x() >= x0 && b.y() >= y0 && b.x() + b.width() <= x1 && b.y() + b.height() <= y1) {
                            selectedBlocks.add(b.id());
                        }
                    });
                    for (Comment c : geometry.comments()) {
                        if (c.x() >= x0 && c.y() >= y0 && c.x() + c.width() <= x1 && c.y() + c.height() <= y1) {
                            selectedComments.add(c.id());
                        }
                    }
                    actions.selectionChanged();
                }
                markDirty();
            }
            case OVERLAY -> {
                frame.overlay.mouseOnBlock(e, overlayBlock, wx, wy);
                overlayBlock = null;
                markDirty();
            }
            case RESIZE -> {
                String id = frame.resizeId;
                Comment c = commentById(id);
                frame.resizeId = null;
                if (c != null && (frame.resizeW != c.width() || frame.resizeH != c.height())) {
                    actions.resizeComment(id, frame.resizeW, frame.resizeH);
                }
                markDirty();
            }
            default -> {
            }
        }
    }

    private void finishWire(MouseEvent e, double wx, double wy) {
        PortRef start = frame.wireStart;
        frame.wireStart = null;
        frame.compatiblePorts = Set.of();
        markDirty();
        BlockGeometry sb = geometry.block(start.block());
        PortSpec sp = sb == null ? null : sb.port(start.port());
        if (sp == null) {
            return;
        }
        boolean fromOutput = sp.direction() == Direction.OUT;
        PortHit target = portAt(wx, wy);
        if (target == null) {
            BlockGeometry over = blockAt(wx, wy);
            if (over == null && Math.hypot(e.getX() - pressX, e.getY() - pressY) > 12) {
                actions.quickAdd(e.getScreenX(), e.getScreenY(), wx, wy, start, fromOutput);
            }
            return;
        }
        if (target.ref().equals(start)) {
            return;
        }
        PortRef from = fromOutput ? start : target.ref();
        PortRef to = fromOutput ? target.ref() : start;
        if (target.port().direction() == sp.direction()) {
            actions.message("Cannot connect " + start + " to " + target.ref() + ": both are "
                    + (fromOutput ? "outputs" : "inputs") + "; wire an output to an input");
            return;
        }
        Optional<String> refusal = actions.connectionRefusal(from, to);
        if (refusal.isPresent()) {
            actions.message("Cannot connect " + from + " to " + to + ": " + refusal.get());
            return;
        }
        actions.connect(from, to);
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2 || !e.isStillSincePress()) {
            return;
        }
        double wx = view.toWorldX(e.getX());
        double wy = view.toWorldY(e.getY());
        BlockGeometry b = blockAt(wx, wy);
        if (b != null) {
            if (b.inTitle(wx, wy)) {
                startRename(b.id());
            } else {
                actions.openBlock(b.id());
            }
            return;
        }
        Comment c = commentAt(wx, wy);
        if (c != null) {
            actions.editComment(c.id());
            return;
        }
        if (wireAt(wx, wy) == null) {
            actions.quickAdd(e.getScreenX(), e.getScreenY(), wx, wy, null, false);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.isShortcutDown() || e.isControlDown()) {
            double factor = Math.pow(1.0015, e.getDeltaY());
            view.zoomAt(e.getX(), e.getY(), factor);
        } else {
            double dx = e.getDeltaX();
            double dy = e.getDeltaY();
            if (e.isShiftDown() && dx == 0) {
                dx = dy;
                dy = 0;
            }
            view.panBy(dx, dy);
        }
        markDirty();
        e.consume();
    }

    private void updateHoverCursor() {
        if (gesture != Gesture.NONE || spaceDown) {
            return;
        }
        double wx = view.toWorldX(mouseX);
        double wy = view.toWorldY(mouseY);
        setCursor(portAt(wx, wy) != null ? Cursor.CROSSHAIR : Cursor.DEFAULT);
    }

    // ---------------------------------------------------------------- keys

    private void onKeyPressed(KeyEvent e) {
        if (renameField.isVisible()) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            if (!spaceDown) {
                spaceDown = true;
                spaceUsedForPan = false;
                setCursor(Cursor.OPEN_HAND);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.F2 && selectedBlocks.size() == 1) {
            startRename(selectedBlocks.iterator().next());
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (gesture == Gesture.WIRE) {
                frame.wireStart = null;
                frame.compatiblePorts = Set.of();
                gesture = Gesture.NONE;
            }
            clearSelection();
            e.consume();
        }
    }

    private void onKeyReleased(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE && spaceDown) {
            spaceDown = false;
            setCursor(Cursor.DEFAULT);
            if (!spaceUsedForPan) {
                // A tap of Space (no drag) opens the quick-add search at the mouse.
                Point2D w = mouseWorld();
                Point2D s = worldToScreen(w.getX(), w.getY());
                actions.quickAdd(s.getX(), s.getY(), w.getX(), w.getY(), null, false);
            }
            e.consume();
        }
    }

    // ---------------------------------------------------------------- inline rename

    /** Shows a text field over the block's title to rename it in place. */
    public void startRename(String blockId) {
        BlockGeometry b = geometry.block(blockId);
        if (b == null) {
            return;
        }
        renaming = blockId;
        renameField.setText(b.block().title());
        renameField.setVisible(true);
        positionRenameField();
        renameField.requestFocus();
        renameField.selectAll();
    }

    private void positionRenameField() {
        BlockGeometry b = renaming == null ? null : geometry.block(renaming);
        if (b == null) {
            return;
        }
        double x = view.toScreenX(b.x());
        double y = view.toScreenY(b.y());
        double w = Math.max(120, b.width() * view.scale());
        renameField.resizeRelocate(x, y - 2, w, 28);
    }

    private void finishRename(boolean commit) {
        if (!renameField.isVisible()) {
            return;
        }
        String id = renaming;
        renaming = null;
        renameField.setVisible(false);
        requestFocus();
        if (commit && id != null) {
            Optional<Block> b = circuit().block(id);
            String text = renameField.getText().strip();
            if (b.isPresent() && !text.equals(b.get().title())) {
                actions.rename(id, text);
            }
        }
    }

    /** True while the inline rename field is shown. */
    public boolean isRenaming() {
        return renameField.isVisible();
    }

    /** The underlying JavaFX canvas (for snapshots). */
    public Canvas canvasNode() {
        return canvas;
    }

    CircuitPainter.Frame frame() {
        return frame;
    }
}

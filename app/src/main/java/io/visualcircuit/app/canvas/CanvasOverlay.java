package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Wire;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * Extra drawing and mouse handling that the live view puts on top of the circuit canvas while a
 * circuit runs (wire values, block health, interactive sliders). The canvas calls it while it
 * paints a frame; it must not change the circuit document.
 *
 * <p>Threading: every method is called on the FX thread, once per painted frame for each visible
 * block or wire. Implementations only read state that was already handed to the FX thread; they
 * never read shared memory here.
 *
 * <p>Coordinates: the graphics context is already transformed to circuit (world) coordinates;
 * {@code zoom} is the current scale, for level of detail.
 */
public interface CanvasOverlay {

    /** Colour for the wire's stroke, or null to keep the port-type colour. */
    default Color wireColor(Wire wire) {
        return null;
    }

    /** Opacity for the wire (1 = normal; less for stale wires). */
    default double wireOpacity(Wire wire) {
        return 1.0;
    }

    /** Draws after the wire; (midX, midY) is the curve's midpoint in world coordinates. */
    default void paintWire(GraphicsContext g, Wire wire, double midX, double midY, double zoom) {
    }

    /** Draws inside and around a block after its body; the rectangle is the block's body. */
    default void paintBlock(GraphicsContext g, Block block, double x, double y, double width, double height, double zoom) {
    }

    /**
     * Offers a mouse event on a block to the overlay (world coordinates of the event given). Returns
     * true when consumed, e.g. a slider being dragged, so the canvas does not select or move.
     */
    default boolean mouseOnBlock(MouseEvent event, Block block, double worldX, double worldY) {
        return false;
    }

    /** Offers a click on a wire; returns true when consumed (e.g. a probe was pinned). */
    default boolean wireClicked(MouseEvent event, Wire wire) {
        return false;
    }

    /** Tells the canvas whether it needs to repaint continuously (while values change). */
    default boolean animating() {
        return false;
    }
}

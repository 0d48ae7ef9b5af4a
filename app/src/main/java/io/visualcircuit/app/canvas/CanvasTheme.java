package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.PortType;
import javafx.scene.paint.Color;

/**
 * The colours the canvas paints with, for the light and the dark look. Port colours encode data
 * types and are the same in both looks so the legend stays valid.
 */
public record CanvasTheme(
        Color background,
        Color grid,
        Color blockFill,
        Color blockHeader,
        Color blockBorder,
        Color text,
        Color mutedText,
        Color selection,
        Color commentFill,
        Color commentText,
        Color rubberBand) {

    public static final CanvasTheme LIGHT = new CanvasTheme(
            Color.web("#f6f8fa"), Color.web("#e3e7ec"), Color.web("#ffffff"), Color.web("#eaeef2"),
            Color.web("#8c959f"), Color.web("#1f2328"), Color.web("#57606a"), Color.web("#0969da"),
            Color.web("#fff8c5"), Color.web("#3b2e00"), Color.web("#0969da", 0.12));

    public static final CanvasTheme DARK = new CanvasTheme(
            Color.web("#0d1117"), Color.web("#1b222c"), Color.web("#161b22"), Color.web("#21262d"),
            Color.web("#484f58"), Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#2f81f7"),
            Color.web("#3b3214"), Color.web("#f0e6c0"), Color.web("#2f81f7", 0.18));

    /** The colour of ports and wires of a data type. */
    public static Color portColor(PortType type) {
        return switch (type) {
            case NUMBER -> Color.web("#2f81f7");
            case BOOLEAN -> Color.web("#2da44e");
            case STRING -> Color.web("#bf8700");
            case ARRAY -> Color.web("#e16f24");
            case IMAGE -> Color.web("#a371f7");
            case ANY -> Color.web("#8c959f");
        };
    }

    /** A short description of what each type carries, for the legend. */
    public static String portDescription(PortType type) {
        return switch (type) {
            case NUMBER -> "number (float64)";
            case BOOLEAN -> "boolean";
            case STRING -> "text";
            case ARRAY -> "array (n-d float64)";
            case IMAGE -> "image (uint8)";
            case ANY -> "any type";
        };
    }
}

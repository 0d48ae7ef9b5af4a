package io.visualcircuit.app.editor;

import io.visualcircuit.app.canvas.BlockIcons;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The block palette: the catalog's types grouped by category with a search field. Drag an entry onto
 * the canvas to place it there, or double-click it to add it in the middle of the view.
 *
 * <p>Dragging is done with plain mouse events (the press grabs the mouse; the release reports the
 * screen point) instead of platform drag and drop, so it behaves the same on every platform and in
 * headless tests.
 *
 * <p>Threading: FX thread only.
 */
final class Palette extends VBox {
    private final TextField search = new TextField();
    private final VBox groups = new VBox(2);
    private final List<Label> entries = new ArrayList<>();
    private final List<Label> headers = new ArrayList<>();

    /**
     * @param addAtCentre called with a type id on double-click
     * @param dropAt      called with a type id and the release point (screen coordinates) after a drag
     */
    Palette(Catalog catalog, Consumer<String> addAtCentre, BiConsumer<String, double[]> dropAt) {
        super(6);
        setId("palette");
        getStyleClass().add("palette");
        setPadding(new Insets(8));
        search.setId("paletteSearch");
        search.setPromptText("Search blocks");
        search.textProperty().addListener((o, a, text) -> filter(text));
        Label title = new Label("Blocks");
        title.getStyleClass().add("pane-title");
        for (String category : catalog.categories()) {
            Label header = new Label(category);
            header.getStyleClass().add("palette-category");
            headers.add(header);
            groups.getChildren().add(header);
            for (BlockType t : catalog.types()) {
                if (!t.category().equals(category)) {
                    continue;
                }
                Label entry = new Label(t.id());
                entry.setId("palette-" + t.id());
                entry.getStyleClass().add("palette-entry");
                entry.setUserData(t);
                entry.setMaxWidth(Double.MAX_VALUE);
                SVGPath icon = new SVGPath();
                icon.setContent(BlockIcons.standard().pathFor(t.id(), t.category()));
                icon.getStyleClass().add("palette-icon");
                icon.setScaleX(0.67);
                icon.setScaleY(0.67);
                entry.setGraphic(icon);
                entry.setTooltip(new Tooltip(t.description()));
                wireGestures(entry, t.id(), addAtCentre, dropAt);
                entries.add(entry);
                groups.getChildren().add(entry);
            }
        }
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label hint = new Label("Drag onto the canvas, or double-click", new FontIcon("mdi2i-information-outline"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.control.Label.USE_PREF_SIZE);
        getChildren().addAll(title, search, scroll, hint);
        setPrefWidth(200);
        setMinWidth(160);
    }

    private void wireGestures(Label entry, String type, Consumer<String> addAtCentre, BiConsumer<String, double[]> dropAt) {
        boolean[] dragging = {false};
        entry.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
                addAtCentre.accept(type);
            }
        });
        entry.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragging[0] = false);
        entry.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            dragging[0] = true;
            entry.setCursor(Cursor.CLOSED_HAND);
        });
        entry.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            entry.setCursor(Cursor.DEFAULT);
            if (dragging[0]) {
                dragging[0] = false;
                dropAt.accept(type, new double[] {e.getScreenX(), e.getScreenY()});
            }
        });
    }

    TextField searchField() {
        return search;
    }

    private void filter(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Label e : entries) {
            BlockType t = (BlockType) e.getUserData();
            boolean show = q.isEmpty() || t.id().contains(q) || t.category().toLowerCase(Locale.ROOT).contains(q)
                    || t.description().toLowerCase(Locale.ROOT).contains(q);
            e.setVisible(show);
            e.setManaged(show);
        }
        for (Label h : headers) {
            boolean any = entries.stream().anyMatch(e -> e.isVisible()
                    && ((BlockType) e.getUserData()).category().equals(h.getText()));
            h.setVisible(any);
            h.setManaged(any);
        }
    }
}

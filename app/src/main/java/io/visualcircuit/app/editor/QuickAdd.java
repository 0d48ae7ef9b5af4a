package io.visualcircuit.app.editor;

import io.visualcircuit.runtime.circuit.BlockType;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The quick-add search popup: type to filter block types (by name, category and description),
 * arrows to choose, Enter to add, Escape to close. When opened from a dropped wire it only lists
 * the types that can take that wire.
 *
 * <p>Threading: FX thread only.
 */
final class QuickAdd {
    private final Popup popup = new Popup();
    private final TextField field = new TextField();
    private final ListView<BlockType> list = new ListView<>();
    private final ObservableList<BlockType> shown = FXCollections.observableArrayList();
    private List<BlockType> choices = List.of();
    private Consumer<BlockType> onChoose = t -> { };

    QuickAdd() {
        field.setId("quickAddField");
        field.setPromptText("Add block\u2026");
        list.setId("quickAddList");
        list.setItems(shown);
        list.setPrefSize(300, 260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BlockType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.id() + "  \u2014  " + t.category());
            }
        });
        VBox box = new VBox(6, new Label("Add block"), field, list);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("quick-add");
        box.setId("quickAdd");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        field.textProperty().addListener((o, a, b) -> refilter());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                choose();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                choose();
            }
        });
    }

    /** Shows the popup at a screen point, listing {@code types}; {@code chosen} gets the pick. */
    void show(Window owner, double screenX, double screenY, List<BlockType> types, Consumer<BlockType> chosen) {
        this.choices = new ArrayList<>(types);
        this.onChoose = chosen;
        field.clear();
        refilter();
        popup.show(owner, screenX, screenY);
        field.requestFocus();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    void hide() {
        popup.hide();
    }

    private void refilter() {
        String q = field.getText() == null ? "" : field.getText().strip().toLowerCase(Locale.ROOT);
        List<BlockType> out = new ArrayList<>();
        for (BlockType t : choices) {
            if (q.isEmpty() || t.id().contains(q) || t.category().toLowerCase(Locale.ROOT).contains(q)
                    || t.description().toLowerCase(Locale.ROOT).contains(q)) {
                out.add(t);
            }
        }
        // Names starting with the query first, then names containing it, then other matches.
        out.sort(Comparator.comparingInt((BlockType t) -> t.id().startsWith(q) ? 0 : t.id().contains(q) ? 1 : 2));
        shown.setAll(out);
        if (!out.isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    private void choose() {
        BlockType t = list.getSelectionModel().getSelectedItem();
        if (t == null && !shown.isEmpty()) {
            t = shown.get(0);
        }
        if (t != null) {
            popup.hide();
            onChoose.accept(t);
        }
    }
}

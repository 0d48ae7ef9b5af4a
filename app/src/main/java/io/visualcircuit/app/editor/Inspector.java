package io.visualcircuit.app.editor;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.ParamSpec;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.PropertyEditor;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The inspector: a ControlsFX {@link PropertySheet} for the selected block (id, label, rate and its
 * parameters with typed editors, units, ranges and validation) or comment. Text and number fields
 * commit on Enter or when they lose focus, so one edit is one document command (one undo step);
 * invalid input is marked and explained instead of being applied.
 *
 * <p>Threading: FX thread only.
 */
final class Inspector extends VBox {
    /** The edits the inspector makes; each returns null when applied or a reason when refused. */
    interface Edits {
        String rename(String blockId, String newId);

        String setLabel(String blockId, String label);

        String setRate(String blockId, Double rate);

        String setParameter(String blockId, String name, Object value);

        String setCommentText(String commentId, String text);

        void openCode(String blockId);
    }

    private final Catalog catalog;
    private final Edits edits;
    private final PropertySheet sheet = new PropertySheet();
    private final Label heading = new Label("Nothing selected");
    private final Label detail = new Label();
    private final Button editCode = new Button("Edit code\u2026", new FontIcon("mdi2c-code-braces"));
    private final Label error = new Label();
    private Object shown;

    Inspector(Catalog catalog, Edits edits) {
        super(6);
        this.catalog = catalog;
        this.edits = edits;
        setId("inspector");
        setPadding(new Insets(8));
        heading.getStyleClass().add("pane-title");
        heading.setId("inspectorHeading");
        detail.setWrapText(true);
        detail.getStyleClass().add("hint");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.setId("inspectorError");
        editCode.setId("editCodeButton");
        editCode.setVisible(false);
        editCode.setManaged(false);
        sheet.setId("propertySheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        // Name mode keeps the rows in the order given (label, rate, parameters, id) without an
        // accordion that would hide the parameters behind a collapsed section.
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(this::editorFor);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(heading, detail, editCode, error, sheet);
        setPrefWidth(280);
        setMinWidth(220);
    }

    /** Shows a block (null: nothing). Rebuilds only when the block record changed. */
    void showBlock(Block block) {
        if (Objects.equals(shown, block) && block != null) {
            return;
        }
        shown = block;
        error.setText("");
        if (block == null) {
            showNothing("Nothing selected", "Select a block to see its properties.");
            return;
        }
        Optional<BlockType> type = catalog.find(block.type());
        heading.setText(block.title());
        detail.setText(type.map(t -> block.type() + " \u2014 " + t.description()).orElse("Unknown block type " + block.type()));
        boolean code = type.map(BlockType::codeBlock).orElse(false);
        editCode.setVisible(code);
        editCode.setManaged(code);
        editCode.setOnAction(e -> edits.openCode(block.id()));
        List<PropertySheet.Item> items = new ArrayList<>();
        String id = block.id();
        items.add(new Field("Block", "label", "The title shown on the canvas (empty: the id).", Kind.TEXT,
                block.label() == null ? "" : block.label(), v -> edits.setLabel(id, ((String) v).isBlank() ? null : (String) v)));
        double defRate = type.map(BlockType::defaultRate).orElse(30.0);
        Field rate = new Field("Block", "rate [Hz]", "Steps per second; 0 steps whenever an input changes. Empty: "
                + fmt(defRate) + " Hz (the type's default).", Kind.OPTIONAL_NUMBER, block.rate(), v -> edits.setRate(id, (Double) v));
        rate.min = 0.0;
        items.add(rate);
        if (type.isPresent()) {
            for (ParamSpec p : type.get().params()) {
                items.add(paramField(block, p));
            }
            if (code) {
                for (Map.Entry<String, Object> e : block.params().entrySet()) {
                    String name = e.getKey();
                    Kind k = e.getValue() instanceof Boolean ? Kind.BOOLEAN
                            : e.getValue() instanceof Number ? Kind.NUMBER : Kind.TEXT;
                    items.add(new Field("Parameters", name, "A parameter of this code block.", k, e.getValue(),
                            v -> edits.setParameter(id, name, v)));
                }
            }
        }
        items.add(new Field("Block", "id", "The block's unique name; wires refer to it.", Kind.TEXT, block.id(),
                v -> edits.rename(id, (String) v)));
        sheet.getItems().setAll(items);
    }

    void showComment(Comment comment) {
        if (Objects.equals(shown, comment) && comment != null) {
            return;
        }
        shown = comment;
        error.setText("");
        editCode.setVisible(false);
        editCode.setManaged(false);
        heading.setText("Comment");
        detail.setText("A note on the canvas; it is saved with the circuit and never runs.");
        sheet.getItems().setAll(List.of(new Field("Comment", "text", "The note's text.", Kind.TEXT, comment.text(),
                v -> edits.setCommentText(comment.id(), (String) v))));
    }

    void showNothing(String title, String text) {
        shown = null;
        heading.setText(title);
        detail.setText(text);
        editCode.setVisible(false);
        editCode.setManaged(false);
        sheet.getItems().clear();
    }

    private Field paramField(Block block, ParamSpec p) {
        Object value = block.params().containsKey(p.name()) ? block.params().get(p.name()) : p.defaultValue();
        Kind kind = switch (p.type()) {
            case NUMBER -> p.defaultValue() == null ? Kind.OPTIONAL_NUMBER : Kind.NUMBER;
            case INTEGER -> Kind.INTEGER;
            case BOOLEAN -> Kind.BOOLEAN;
            case CHOICE -> Kind.CHOICE;
            case STRING, PATH -> Kind.TEXT;
        };
        String name = p.unit() == null || p.unit().isBlank() ? p.name() : p.name() + " [" + p.unit() + "]";
        StringBuilder desc = new StringBuilder(p.description());
        if (p.min() != null || p.max() != null) {
            desc.append(" Range: ").append(p.min() == null ? "\u2212\u221e" : fmt(p.min())).append(" \u2026 ")
                    .append(p.max() == null ? "\u221e" : fmt(p.max())).append('.');
        }
        if (p.defaultValue() != null) {
            desc.append(" Default: ").append(p.defaultValue()).append('.');
        }
        String id = block.id();
        Field f = new Field("Parameters", name, desc.toString().strip(), kind, value,
                v -> edits.setParameter(id, p.name(), v));
        f.min = p.min();
        f.max = p.max();
        f.choices = p.choices();
        f.paramName = p.name();
        return f;
    }

    private void showError(String text) {
        error.setText(text == null ? "" : text);
    }

    private PropertyEditor<?> editorFor(PropertySheet.Item item) {
        Field f = (Field) item;
        return switch (f.kind) {
            case BOOLEAN -> new BooleanEditor(f);
            case CHOICE -> new ChoiceEditor(f);
            default -> new CommitTextEditor(f);
        };
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    enum Kind { TEXT, NUMBER, OPTIONAL_NUMBER, INTEGER, BOOLEAN, CHOICE }

    /** One row of the sheet. {@code apply} runs the document command and returns an error or null. */
    final class Field implements PropertySheet.Item {
        final String category;
        final String name;
        final String description;
        final Kind kind;
        final Function<Object, String> apply;
        Object value;
        Double min;
        Double max;
        List<String> choices = List.of();
        String paramName;

        Field(String category, String name, String description, Kind kind, Object value, Function<Object, String> apply) {
            this.category = category;
            this.name = name;
            this.description = description;
            this.kind = kind;
            this.value = value;
            this.apply = apply;
        }

        @Override
        public Class<?> getType() {
            return switch (kind) {
                case BOOLEAN -> Boolean.class;
                case NUMBER, OPTIONAL_NUMBER -> Double.class;
                case INTEGER -> Long.class;
                default -> String.class;
            };
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object v) {
            if (Objects.equals(v, value)) {
                return;
            }
            String refusal = apply.apply(v);
            if (refusal == null) {
                value = v;
                showError(null);
            } else {
                showError(name + ": " + refusal);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        /** Parses and checks typed text; returns the value or throws with a user-readable reason. */
        Object parse(String text) {
            String t = text.strip();
            switch (kind) {
                case TEXT:
                    return text;
                case OPTIONAL_NUMBER:
                    if (t.isEmpty()) {
                        return null;
                    }
                    return checkRange(parseDouble(t));
                case NUMBER:
                    return checkRange(parseDouble(t));
                case INTEGER:
                    try {
                        long l = Long.parseLong(t);
                        checkRange((double) l);
                        return l;
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("\u201c" + t + "\u201d is not a whole number");
                    }
                default:
                    return text;
            }
        }

        private double parseDouble(String t) {
            try {
                double d = Double.parseDouble(t);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\u201c" + t + "\u201d is not a number");
            }
        }

        private Double checkRange(double d) {
            if ((min != null && d < min) || (max != null && d > max)) {
                throw new IllegalArgumentException("must be between " + (min == null ? "\u2212\u221e" : fmt(min))
                        + " and " + (max == null ? "\u221e" : fmt(max)));
            }
            return d;
        }

        String format(Object v) {
            if (v == null) {
                return "";
            }
            if (v instanceof Double d) {
                return fmt(d);
            }
            return v.toString();
        }
    }

    /** A text field that commits on Enter or focus loss, after validation. */
    private final class CommitTextEditor extends AbstractPropertyEditor<Object, TextField> {
        private ObjectProperty<Object> committed;

        CommitTextEditor(Field f) {
            super(f, new TextField());
            TextField tf = getEditor();
            // Narrow editors leave room for names with units such as "frequency [Hz]".
            tf.setPrefColumnCount(7);
            tf.setPrefWidth(110);
            tf.setId("prop-" + (f.paramName != null ? f.paramName : f.name.replaceAll("[^A-Za-z0-9]", "")));
            tf.setText(f.format(f.getValue()));
            tf.setTooltip(new Tooltip(f.description));
            if (f.kind == Kind.OPTIONAL_NUMBER && f.getValue() == null) {
                tf.setPromptText("default");
            }
            tf.setOnAction(e -> commit(f));
            tf.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit(f);
                }
            });
        }

        private void commit(Field f) {
            TextField tf = getEditor();
            try {
                Object v = f.parse(tf.getText());
                tf.getStyleClass().remove("invalid");
                if (!Objects.equals(v, f.getValue())) {
                    committed.set(v);
                    if (!Objects.equals(v, f.getValue())) {
                        tf.setText(f.format(f.getValue()));
                    }
                }
            } catch (IllegalArgumentException e) {
                if (!tf.getStyleClass().contains("invalid")) {
                    tf.getStyleClass().add("invalid");
                }
                showError(f.name + ": " + e.getMessage());
            }
        }

        @Override
        protected ObservableValue<Object> getObservableValue() {
            // Called from the super constructor, before field initialisers run.
            if (committed == null) {
                committed = new SimpleObjectProperty<>();
            }
            return committed;
        }

        @Override
        public void setValue(Object value) {
            getEditor().setText(((Field) getProperty()).format(value));
        }
    }

    private static final class BooleanEditor extends AbstractPropertyEditor<Boolean, CheckBox> {
        BooleanEditor(Field f) {
            super(f, new CheckBox());
            getEditor().setSelected(Boolean.TRUE.equals(f.getValue()));
        }

        @Override
        protected ObservableValue<Boolean> getObservableValue() {
            return getEditor().selectedProperty();
        }

        @Override
        public void setValue(Boolean value) {
            getEditor().setSelected(Boolean.TRUE.equals(value));
        }
    }

    private static final class ChoiceEditor extends AbstractPropertyEditor<String, ComboBox<String>> {
        ChoiceEditor(Field f) {
            super(f, new ComboBox<>(FXCollections.observableArrayList(f.choices)));
            getEditor().setValue(f.getValue() == null ? null : String.valueOf(f.getValue()));
        }

        @Override
        protected ObservableValue<String> getObservableValue() {
            return getEditor().valueProperty();
        }

        @Override
        public void setValue(String value) {
            getEditor().setValue(value);
        }
    }
}

package io.visualcircuit.app.editor;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The code editor window of a Python block: a RichTextFX code area with Python colouring and line
 * numbers, and editors for the block's declared inputs, outputs (name and type) and parameters.
 * Port edits are applied at once (the block's ports on the canvas follow); code is applied with
 * Apply (Ctrl+S) and when the window closes. Every change goes through {@link Edits}, i.e. the
 * document's commands, so it can be undone.
 *
 * <p>Threading: FX thread only.
 */
final class CodeEditor {
    /** The edits the code editor makes; the editor window turns them into document commands. */
    interface Edits {
        /** Sets the code; returns an error text when refused. */
        String setCode(String blockId, String code);

        /** Sets the declared ports; returns an error text when refused. */
        String setPorts(String blockId, List<PortSpec> inputs, List<PortSpec> outputs);

        /** Sets the parameters (name to text value); returns an error text when refused. */
        String setParams(String blockId, Map<String, Object> params);

        /** The block as it is now in the document, or null when it was deleted. */
        Block block(String blockId);
    }

    private final Stage stage = new Stage();
    private final CodeArea code = new CodeArea();
    private final PortList inputs = new PortList("Inputs", Direction.IN, "codeInputs");
    private final PortList outputs = new PortList("Outputs", Direction.OUT, "codeOutputs");
    private final ObservableList<String> params = FXCollections.observableArrayList();
    private final Label status = new Label();
    private final Edits edits;
    private final String blockId;

    CodeEditor(Window owner, List<String> stylesheets, boolean dark, Edits edits, Block block) {
        this.edits = edits;
        this.blockId = block.id();
        stage.initOwner(owner);
        stage.setTitle("Code of " + block.title() + " \u2014 VisualCircuit");
        code.setId("codeArea");
        code.getStyleClass().add("code-area-python");
        code.setParagraphGraphicFactory(LineNumberFactory.get(code));
        code.textProperty().addListener((o, a, text) -> code.setStyleSpans(0, PythonHighlighter.compute(text)));
        String text = block.code() == null || block.code().isBlank() ? PythonHighlighter.template() : block.code();
        code.replaceText(text);
        code.getUndoManager().forgetHistory();

        inputs.setAll(block.inputs());
        outputs.setAll(block.outputs());
        for (Map.Entry<String, Object> e : block.params().entrySet()) {
            params.add(e.getKey() + " = " + e.getValue());
        }
        inputs.onChange = this::applyPorts;
        outputs.onChange = this::applyPorts;

        ListView<String> paramList = new ListView<>(params);
        paramList.setId("codeParams");
        paramList.setPrefHeight(120);
        TextField paramField = new TextField();
        paramField.setPromptText("name = value");
        paramField.setId("codeParamField");
        Button addParam = new Button(null, new FontIcon("mdi2p-plus"));
        addParam.setTooltip(new javafx.scene.control.Tooltip("Add or change the parameter"));
        Button removeParam = new Button(null, new FontIcon("mdi2d-delete-outline"));
        addParam.setOnAction(e -> {
            String line = paramField.getText();
            int eq = line.indexOf('=');
            if (eq < 1) {
                status.setText("Write a parameter as name = value");
                return;
            }
            String name = line.substring(0, eq).strip();
            params.removeIf(p -> p.startsWith(name + " = "));
            params.add(name + " = " + line.substring(eq + 1).strip());
            paramField.clear();
            applyParams();
        });
        paramField.setOnAction(addParam.getOnAction());
        removeParam.setOnAction(e -> {
            String sel = paramList.getSelectionModel().getSelectedItem();
            if (sel != null) {
                params.remove(sel);
                applyParams();
            }
        });
        HBox paramRow = new HBox(4, paramField, addParam, removeParam);
        HBox.setHgrow(paramField, Priority.ALWAYS);
        VBox side = new VBox(8, inputs, outputs, new Label("Parameters"), paramList, paramRow);
        side.setPadding(new Insets(8));
        side.setMinWidth(300);

        Button apply = new Button("Apply", new FontIcon("mdi2c-content-save-outline"));
        apply.setId("applyCode");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> applyCode());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        HBox bottom = new HBox(8, status, new javafx.scene.layout.Region(), apply, close);
        HBox.setHgrow(bottom.getChildren().get(1), Priority.ALWAYS);
        bottom.setPadding(new Insets(8));

        SplitPane split = new SplitPane(new VirtualizedScrollPane<>(code), side);
        split.setDividerPositions(0.68);
        BorderPane root = new BorderPane(split);
        root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
        root.setBottom(bottom);
        Scene scene = new Scene(root, 980, 620);
        scene.getStylesheets().addAll(stylesheets);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::applyCode);
        stage.setScene(scene);
        stage.setOnHidden(e -> applyCode());
    }

    void show() {
        stage.show();
        stage.toFront();
        code.requestFocus();
    }

    /** Moves the caret to a 1-based line (e.g. from a traceback) and shows it. */
    void goToLine(int line) {
        int paragraph = Math.max(0, Math.min(code.getParagraphs().size() - 1, line - 1));
        code.moveTo(paragraph, 0);
        code.requestFollowCaret();
        code.selectLine();
    }

    Stage stage() {
        return stage;
    }

    String blockId() {
        return blockId;
    }

    private void applyCode() {
        Block now = edits.block(blockId);
        if (now == null || Objects.equals(now.code(), code.getText())) {
            return;
        }
        report(edits.setCode(blockId, code.getText()), "Code applied");
    }

    private void applyPorts() {
        report(edits.setPorts(blockId, inputs.specs(), outputs.specs()), "Ports updated");
    }

    private void applyParams() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf(" = ");
            map.put(p.substring(0, eq), parseValue(p.substring(eq + 3)));
        }
        report(edits.setParams(blockId, map), "Parameters updated");
    }

    static Object parseValue(String text) {
        String t = text.strip();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // not an integer
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return t;
        }
    }

    private void report(String error, String ok) {
        status.setText(error == null ? ok : error);
        status.getStyleClass().removeAll("error-text");
        if (error != null) {
            status.getStyleClass().add("error-text");
        }
    }

    /** Editable list of declared ports: name plus type. */
    private static final class PortList extends VBox {
        private final ObservableList<PortSpec> items = FXCollections.observableArrayList();
        private final Direction direction;
        private Runnable onChange = () -> { };

        PortList(String title, Direction direction, String id) {
            super(4);
            this.direction = direction;
            ListView<PortSpec> list = new ListView<>(items);
            list.setId(id);
            list.setPrefHeight(100);
            list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(PortSpec p, boolean empty) {
                    super.updateItem(p, empty);
                    setText(empty || p == null ? null : p.name() + " : " + p.type().jsonName());
                }
            });
            TextField name = new TextField();
            name.setPromptText("name");
            name.setId(id + "Name");
            ComboBox<PortType> type = new ComboBox<>(FXCollections.observableArrayList(PortType.values()));
            type.setValue(PortType.NUMBER);
            type.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(PortType t) {
                    return t == null ? "" : t.jsonName();
                }

                @Override
                public PortType fromString(String s) {
                    return PortType.fromJson(s);
                }
            });
            type.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            type.setPrefWidth(105);
            Button add = new Button(null, new FontIcon("mdi2p-plus"));
            add.setId(id + "Add");
            Button remove = new Button(null, new FontIcon("mdi2d-delete-outline"));
            add.setOnAction(e -> {
                String n = name.getText().strip();
                if (n.isEmpty()) {
                    return;
                }
                List<PortSpec> next = new ArrayList<>(items);
                next.removeIf(p -> p.name().equals(n));
                next.add(new PortSpec(n, direction, type.getValue()));
                items.setAll(next);
                name.clear();
                onChange.run();
            });
            name.setOnAction(add.getOnAction());
            remove.setOnAction(e -> {
                PortSpec p = list.getSelectionModel().getSelectedItem();
                if (p != null) {
                    items.remove(p);
                    onChange.run();
                }
            });
            HBox row = new HBox(4, name, type, add, remove);
            HBox.setHgrow(name, Priority.ALWAYS);
            getChildren().addAll(new Label(title), list, row);
        }

        void setAll(List<PortSpec> specs) {
            items.setAll(specs);
        }

        List<PortSpec> specs() {
            return List.copyOf(items);
        }
    }
}

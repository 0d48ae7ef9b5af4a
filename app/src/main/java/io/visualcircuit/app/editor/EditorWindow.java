package io.visualcircuit.app.editor;

import io.visualcircuit.app.canvas.BlockGeometry;
import io.visualcircuit.app.canvas.CanvasActions;
import io.visualcircuit.app.canvas.CanvasTheme;
import io.visualcircuit.app.canvas.CircuitCanvas;
import io.visualcircuit.app.canvas.CircuitGeometry;
import io.visualcircuit.app.canvas.CircuitPainter;
import io.visualcircuit.app.canvas.SvgExporter;
import io.visualcircuit.app.canvas.ViewTransform;
import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.ConnectionRules;
import io.visualcircuit.app.document.Document;
import io.visualcircuit.app.document.DocumentStore;
import io.visualcircuit.app.document.Recovery;
import io.visualcircuit.app.document.ClipboardCodec;
import io.visualcircuit.app.document.IdGenerator;
import io.visualcircuit.app.document.commands.AddBlocks;
import io.visualcircuit.app.document.commands.AddComment;
import io.visualcircuit.app.document.commands.Align;
import io.visualcircuit.app.document.commands.BlockBounds;
import io.visualcircuit.app.document.commands.Connect;
import io.visualcircuit.app.document.commands.DeleteItems;
import io.visualcircuit.app.document.commands.EditComment;
import io.visualcircuit.app.document.commands.MoveItems;
import io.visualcircuit.app.document.commands.Paste;
import io.visualcircuit.app.document.commands.RenameBlock;
import io.visualcircuit.app.document.commands.SetCode;
import io.visualcircuit.app.document.commands.SetLabel;
import io.visualcircuit.app.document.commands.SetParameter;
import io.visualcircuit.app.document.commands.SetPorts;
import io.visualcircuit.app.document.commands.SetRate;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.format.CircuitFormatException;
import io.visualcircuit.runtime.format.CircuitFiles;
import io.visualcircuit.runtime.format.LoadResult;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The editor window: menu bar and toolbar, block palette, circuit canvas, inspector, validation
 * problems, a console dock and the status bar. Every change to the circuit goes through the
 * {@link Document} as a command; the window listens to the document and refreshes the canvas, the
 * title, the Edit menu and (coalesced) the validation problems.
 *
 * <p>Hooks for the live view: {@link #runControls()} (Run, Stop, Restart, Record),
 * {@link #consoleArea()} (tabs at the bottom), {@link #canvas()} ({@code setOverlay}) and
 * {@link #openCode(String, int)} (jump to a traceback line).
 *
 * <p>Threading: create and use on the FX thread only.
 */
public final class EditorWindow {
    private static final String APP = "VisualCircuit";

    private final Stage stage;
    private final Catalog catalog = Catalog.standard();
    private final Document document = new Document();
    private final EditorSettings settings;
    private final DocumentStore store;
    private final CircuitCanvas canvas = new CircuitCanvas(catalog);
    private final RunControls runControls = new RunControls();
    private final TabPane console = new TabPane();
    private final ListView<Problem> problems = new ListView<>();
    private final Label statusMessage = new Label("Ready");
    private final Label problemCount = new Label();
    private final Label zoomLabel = new Label("100 %");
    private final Inspector inspector;
    private final Palette palette;
    private final QuickAdd quickAdd = new QuickAdd();
    private final PauseTransition validateLater = new PauseTransition(Duration.millis(250));
    private final PauseTransition clearStatusLater = new PauseTransition(Duration.seconds(8));
    private final Map<String, CodeEditor> codeEditors = new HashMap<>();
    private final List<String[]> shortcuts = new ArrayList<>();
    private final Menu recentMenu = new Menu("Open Recent");
    private final MenuItem undoItem = new MenuItem("Undo");
    private final MenuItem redoItem = new MenuItem("Redo");
    private final Button undoButton = new Button();
    private final Button redoButton = new Button();
    private Theme theme;
    private Scene scene;
    /** Warnings from reading the open file (e.g. what an import changed); listed until the next New/Open. */
    private List<Problem> loadWarnings = List.of();
    private Object moveGesture = new Object();

    public EditorWindow(Stage stage, EditorSettings settings) {
        this.stage = stage;
        this.settings = settings;
        this.store = new DocumentStore(EditorSettings.defaultDirectory());
        this.theme = Theme.parse(settings.get("theme", Theme.PRIMER_LIGHT.name()));
        this.inspector = new Inspector(catalog, new InspectorEdits());
        this.palette = new Palette(catalog, this::addBlockAtCentre, this::dropFromPalette);
        canvas.setActions(new Actions());
        canvas.setOrthogonalWires(settings.getBoolean("wires.orthogonal", false));
        canvas.setSnapToGrid(settings.getBoolean("grid.snap", true));
        canvas.setShowMinimap(settings.getBoolean("minimap", true));
        build();
        document.addListener(d -> documentChanged());
        validateLater.setOnFinished(e -> validateNow());
        clearStatusLater.setOnFinished(e -> {
            statusMessage.setText("Ready");
            statusMessage.getStyleClass().remove("error-text");
        });
        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(30), e -> autosave()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> autosave.stop());
        stage.setOnCloseRequest(this::onCloseRequest);
        documentChanged();
    }

    // ------------------------------------------------------------------ public hooks

    public Stage stage() {
        return stage;
    }

    public Document document() {
        return document;
    }

    public CircuitCanvas canvas() {
        return canvas;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The Run/Stop/Restart/Record hook for the live view. */
    public RunControls runControls() {
        return runControls;
    }

    /** The tabbed dock at the bottom (Problems is the first tab); the live view adds its tabs. */
    public TabPane consoleArea() {
        return console;
    }

    /** Shows a message in the status bar (errors in red). */
    public void showMessage(String text, boolean error) {
        statusMessage.setText(text);
        statusMessage.getStyleClass().remove("error-text");
        if (error) {
            statusMessage.getStyleClass().add("error-text");
        }
        clearStatusLater.playFromStart();
    }

    /** Opens the code editor of a code block, with the caret on a 1-based line (0: keep). */
    public void openCode(String blockId, int line) {
        Optional<Block> block = document.circuit().block(blockId);
        if (block.isEmpty()) {
            showMessage("There is no block " + blockId, true);
            return;
        }
        if (catalog.find(block.get().type()).map(t -> !t.codeBlock()).orElse(true)) {
            showMessage(blockId + " is not a code block", true);
            return;
        }
        CodeEditor ed = codeEditors.get(blockId);
        if (ed == null || !ed.stage().isShowing()) {
            ed = new CodeEditor(stage, List.copyOf(scene.getStylesheets()), theme.dark(), new CodeEdits(), block.get());
            CodeEditor created = ed;
            ed.stage().setOnHidden(e -> codeEditors.remove(blockId, created));
            codeEditors.put(blockId, ed);
        }
        ed.show();
        if (line > 0) {
            ed.goToLine(line);
        }
    }

    /** Opens a circuit file, asking first when there are unsaved changes. */
    public void open(Path file) {
        if (confirmDiscard()) {
            load(file);
        }
    }

    // ------------------------------------------------------------------ layout

    private void build() {
        BorderPane root = new BorderPane();
        root.setId("editorRoot");
        VBox top = new VBox(buildMenus(), buildToolBar());
        root.setTop(top);

        problems.setId("problemList");
        Label none = new Label("No problems found in this circuit.");
        none.getStyleClass().add("hint");
        problems.setPlaceholder(none);
        problems.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText((p.blockId() != null ? p.blockId() + ": " : "") + p.message());
                    FontIcon icon = new FontIcon(p.isError() ? "mdi2a-alert-circle" : "mdi2a-alert");
                    icon.getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
                    setGraphic(icon);
                }
            }
        });
        problems.setOnMouseClicked(e -> {
            Problem p = problems.getSelectionModel().getSelectedItem();
            if (p != null) {
                revealProblem(p);
            }
        });
        Tab problemsTab = new Tab("Problems", problems);
        problemsTab.setId("problemsTab");
        problemsTab.setClosable(false);
        console.getTabs().add(problemsTab);
        console.setId("consoleArea");
        console.setMinHeight(60);

        StackPane canvasHolder = new StackPane(canvas);
        canvasHolder.getStyleClass().add("canvas-holder");
        SplitPane centre = new SplitPane(canvasHolder, console);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.8);
        SplitPane.setResizableWithParent(console, false);

        VBox right = new VBox(inspector, new javafx.scene.control.Separator(), buildLegend());
        VBox.setVgrow(inspector, Priority.ALWAYS);
        right.getStyleClass().add("side-pane");
        palette.getStyleClass().add("side-pane");
        SplitPane main = new SplitPane(palette, centre, right);
        main.setDividerPositions(0.16, 0.78);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(right, false);
        root.setCenter(main);
        root.setBottom(buildStatusBar());

        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(EditorWindow.class.getResource("/io/visualcircuit/app/editor.css").toExternalForm());
        applyTheme(theme);
        // A second redo key, as most editors on Linux and Windows accept it.
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Y"), this::redo);
        scene.setOnDragOver(this::onFileDragOver);
        scene.setOnDragDropped(this::onFileDropped);
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        refreshRecent();
    }

    private MenuBar buildMenus() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("New", "mdi2f-file-outline", "Shortcut+N", this::newCircuit, "menuNew"),
                item("Open\u2026", "mdi2f-folder-open-outline", "Shortcut+O", this::openDialog, "menuOpen"),
                recentMenu,
                new SeparatorMenuItem(),
                item("Save", "mdi2c-content-save-outline", "Shortcut+S", this::save, "menuSave"),
                item("Save As\u2026", "mdi2c-content-save-edit-outline", "Shortcut+Shift+S", this::saveAs, "menuSaveAs"),
                new SeparatorMenuItem(),
                item("Export PNG\u2026", "mdi2i-image-outline", null, this::exportPng, "menuExportPng"),
                item("Export SVG\u2026", "mdi2v-vector-curve", null, this::exportSvg, "menuExportSvg"),
                new SeparatorMenuItem(),
                item("Quit", "mdi2e-exit-to-app", "Shortcut+Q", this::quit, "menuQuit"));

        undoItem.setGraphic(new FontIcon("mdi2u-undo"));
        undoItem.setId("menuUndo");
        undoItem.setOnAction(e -> undo());
        undoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        shortcuts.add(new String[] {"Undo", "Shortcut+Z"});
        redoItem.setGraphic(new FontIcon("mdi2r-redo"));
        redoItem.setId("menuRedo");
        redoItem.setOnAction(e -> redo());
        redoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        shortcuts.add(new String[] {"Redo", "Shortcut+Shift+Z or Shortcut+Y"});
        Menu align = new Menu("Align", new FontIcon("mdi2f-format-align-left"));
        for (Align.Mode m : Align.Mode.values()) {
            MenuItem a = new MenuItem(alignTitle(m));
            a.setOnAction(e -> align(m));
            align.getItems().add(a);
        }
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undoItem, redoItem, new SeparatorMenuItem(),
                item("Cut", "mdi2c-content-cut", "Shortcut+X", this::cut, "menuCut"),
                item("Copy", "mdi2c-content-copy", "Shortcut+C", this::copy, "menuCopy"),
                item("Paste", "mdi2c-content-paste", "Shortcut+V", this::paste, "menuPaste"),
                item("Duplicate", "mdi2c-content-duplicate", "Shortcut+D", this::duplicate, "menuDuplicate"),
                item("Delete", "mdi2d-delete-outline", "Delete", this::deleteSelection, "menuDelete"),
                new SeparatorMenuItem(),
                item("Select All", "mdi2s-select-all", "Shortcut+A", this::selectAll, "menuSelectAll"),
                item("Rename Block", "mdi2r-rename-box", "F2", this::renameSelected, "menuRename"),
                item("Add Comment", "mdi2c-comment-text-outline", "Shortcut+Shift+M", this::addComment, "menuAddComment"),
                item("Add Block\u2026", "mdi2p-plus-box-outline", "Shortcut+Shift+A", this::quickAddAtMouse, "menuQuickAdd"),
                align);

        CheckMenuItem ortho = new CheckMenuItem("Orthogonal Wires");
        ortho.setSelected(canvas.orthogonalWires());
        ortho.selectedProperty().addListener((o, a, b) -> {
            canvas.setOrthogonalWires(b);
            settings.put("wires.orthogonal", Boolean.toString(b));
        });
        CheckMenuItem snap = new CheckMenuItem("Snap to Grid");
        snap.setId("menuSnap");
        snap.setSelected(canvas.snapToGrid());
        snap.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        shortcuts.add(new String[] {"Snap to grid on/off", "Shortcut+G"});
        snap.selectedProperty().addListener((o, a, b) -> {
            canvas.setSnapToGrid(b);
            settings.put("grid.snap", Boolean.toString(b));
        });
        CheckMenuItem minimap = new CheckMenuItem("Minimap");
        minimap.setSelected(settings.getBoolean("minimap", true));
        minimap.selectedProperty().addListener((o, a, b) -> {
            canvas.setShowMinimap(b);
            settings.put("minimap", Boolean.toString(b));
        });
        Menu themes = new Menu("Theme", new FontIcon("mdi2p-palette-outline"));
        ToggleGroup group = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.title());
            r.setId("theme-" + t.name());
            r.setToggleGroup(group);
            r.setSelected(t == theme);
            r.setOnAction(e -> applyTheme(t));
            themes.getItems().add(r);
        }
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("Zoom In", "mdi2m-magnify-plus-outline", "Shortcut+EQUALS", canvas::zoomIn, "menuZoomIn"),
                item("Zoom Out", "mdi2m-magnify-minus-outline", "Shortcut+MINUS", canvas::zoomOut, "menuZoomOut"),
                item("Fit to Content", "mdi2f-fit-to-page-outline", "Shortcut+0", canvas::zoomToFit, "menuZoomFit"),
                item("Actual Size (100 %)", "mdi2m-magnify-scan", "Shortcut+1", canvas::zoomReset, "menuZoom100"),
                new SeparatorMenuItem(), ortho, snap, minimap, new SeparatorMenuItem(), themes);

        Menu run = new Menu("_Run");
        run.getItems().addAll(
                runItem("Run", "mdi2p-play", "F5", runControls.onRunProperty(), runControls.runEnabledProperty(), "menuRun"),
                runItem("Stop", "mdi2s-stop", "Shift+F5", runControls.onStopProperty(), runControls.stopEnabledProperty(), "menuStop"),
                runItem("Restart", "mdi2r-restart", "Shortcut+F5", runControls.onRestartProperty(),
                        runControls.restartEnabledProperty(), "menuRestart"),
                runItem("Record", "mdi2r-record-rec", "Shortcut+R", runControls.onRecordProperty(),
                        runControls.recordEnabledProperty(), "menuRecord"));

        Menu help = new Menu("_Help");
        help.getItems().addAll(
                item("Keyboard Shortcuts", "mdi2k-keyboard-outline", "F1", this::showShortcuts, "menuShortcuts"),
                item("About VisualCircuit", "mdi2i-information-outline", null, this::showAbout, "menuAbout"));
        MenuBar bar = new MenuBar(file, edit, view, run, help);
        bar.setId("menuBar");
        return bar;
    }

    private MenuItem item(String text, String icon, String accelerator, Runnable action, String id) {
        MenuItem m = new MenuItem(text, new FontIcon(icon));
        m.setId(id);
        m.setOnAction(e -> action.run());
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
            shortcuts.add(new String[] {text.replace("\u2026", ""), accelerator});
        }
        return m;
    }

    private MenuItem runItem(String text, String icon, String accelerator, ObjectProperty<Runnable> action,
            BooleanProperty enabled, String id) {
        MenuItem m = item(text, icon, accelerator, () -> runControls.fire(action), id);
        m.disableProperty().bind(enabled.not().or(action.isNull()));
        return m;
    }

    private ToolBar buildToolBar() {
        Button undo = undoButton;
        undo.setGraphic(new FontIcon("mdi2u-undo"));
        undo.setId("undoButton");
        undo.setOnAction(e -> undo());
        Button redo = redoButton;
        redo.setGraphic(new FontIcon("mdi2r-redo"));
        redo.setId("redoButton");
        redo.setOnAction(e -> redo());
        zoomLabel.setId("zoomLabel");
        zoomLabel.setMinWidth(48);
        zoomLabel.setAlignment(Pos.CENTER);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton record = new ToggleButton(null, new FontIcon("mdi2r-record-rec"));
        record.setId("recordButton");
        record.setTooltip(new Tooltip("Record wire values"));
        record.selectedProperty().bindBidirectional(runControls.recordingProperty());
        record.disableProperty().bind(runControls.recordEnabledProperty().not().or(runControls.onRecordProperty().isNull()));
        record.setOnAction(e -> runControls.fire(runControls.onRecordProperty()));
        ToolBar bar = new ToolBar(
                tool("newButton", "mdi2f-file-outline", "New circuit", this::newCircuit),
                tool("openButton", "mdi2f-folder-open-outline", "Open\u2026", this::openDialog),
                tool("saveButton", "mdi2c-content-save-outline", "Save", this::save),
                new javafx.scene.control.Separator(Orientation.VERTICAL),
                undo, redo,
                new javafx.scene.control.Separator(Orientation.VERTICAL),
                runTool("runButton", "mdi2p-play", "Run", runControls.onRunProperty(), runControls.runEnabledProperty()),
                runTool("stopButton", "mdi2s-stop", "Stop", runControls.onStopProperty(), runControls.stopEnabledProperty()),
                runTool("restartButton", "mdi2r-restart", "Restart", runControls.onRestartProperty(),
                        runControls.restartEnabledProperty()),
                record,
                spacer,
                tool("zoomOutButton", "mdi2m-magnify-minus-outline", "Zoom out", canvas::zoomOut),
                zoomLabel,
                tool("zoomInButton", "mdi2m-magnify-plus-outline", "Zoom in", canvas::zoomIn),
                tool("zoomFitButton", "mdi2f-fit-to-page-outline", "Fit to content", canvas::zoomToFit),
                tool("zoom100Button", "mdi2n-numeric-1-box-outline", "Actual size (100 %)", canvas::zoomReset));
        bar.setId("toolBar");
        canvas.setFrameListener(n -> zoomLabel.setText(Math.round(canvas.view().scale() * 100) + " %"));
        return bar;
    }

    private Button tool(String id, String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("flat");
        return b;
    }

    private Button runTool(String id, String icon, String tip, ObjectProperty<Runnable> action, BooleanProperty enabled) {
        Button b = tool(id, icon, tip, () -> runControls.fire(action));
        b.disableProperty().bind(enabled.not().or(action.isNull()));
        return b;
    }

    private Node buildLegend() {
        VBox box = new VBox(3);
        box.setId("portLegend");
        box.setPadding(new Insets(8));
        Label title = new Label("Port types");
        title.getStyleClass().add("pane-title");
        box.getChildren().add(title);
        for (PortType t : PortType.values()) {
            Label l = new Label(CanvasTheme.portDescription(t), new Circle(5, CanvasTheme.portColor(t)));
            l.setGraphicTextGap(8);
            box.getChildren().add(l);
        }
        return box;
    }

    private Node buildStatusBar() {
        statusMessage.setId("statusMessage");
        statusMessage.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(statusMessage, Priority.ALWAYS);
        problemCount.setId("problemCount");
        problemCount.setMinWidth(Region.USE_PREF_SIZE);
        problemCount.setOnMouseClicked(e -> console.getSelectionModel().select(0));
        HBox bar = new HBox(12, statusMessage, problemCount);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void applyTheme(Theme t) {
        theme = t;
        javafx.application.Application.setUserAgentStylesheet(t.stylesheet());
        canvas.setTheme(t.canvas());
        scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
        scene.getRoot().getStyleClass().add(t.dark() ? "theme-dark" : "theme-light");
        settings.put("theme", t.name());
    }

    public Theme theme() {
        return theme;
    }

    // ------------------------------------------------------------------ document

    private void documentChanged() {
        Circuit c = document.circuit();
        canvas.setCircuit(c);
        updateTitle();
        undoItem.setText(document.canUndo() ? "Undo " + document.undoDescription() : "Undo");
        redoItem.setText(document.canRedo() ? "Redo " + document.redoDescription() : "Redo");
        undoItem.setDisable(!document.canUndo());
        redoItem.setDisable(!document.canRedo());
        undoButton.setDisable(!document.canUndo());
        redoButton.setDisable(!document.canRedo());
        undoButton.setTooltip(new Tooltip(undoItem.getText()));
        redoButton.setTooltip(new Tooltip(redoItem.getText()));
        refreshInspector();
        validateLater.playFromStart();
    }

    private void updateTitle() {
        stage.setTitle((document.isDirty() ? "*" : "") + displayName() + " \u2014 " + APP);
    }

    private String displayName() {
        if (document.file() != null) {
            return document.file().getFileName().toString();
        }
        String n = document.circuit().name();
        return n == null || n.isBlank() ? "Untitled" : n;
    }

    private void validateNow() {
        List<Problem> found = new ArrayList<>(loadWarnings);
        found.addAll(Validator.validate(document.circuit(), catalog));
        problems.getItems().setAll(found);
        long errors = found.stream().filter(Problem::isError).count();
        problemCount.setText(found.isEmpty() ? "No problems" : errors + " error" + (errors == 1 ? "" : "s") + ", "
                + (found.size() - errors) + " warning" + (found.size() - errors == 1 ? "" : "s"));
        problemCount.getStyleClass().remove("error-text");
        if (errors > 0) {
            problemCount.getStyleClass().add("error-text");
        }
    }

    /** Runs validation now instead of after the pause (tests use this). */
    public List<Problem> problems() {
        validateNow();
        return List.copyOf(problems.getItems());
    }

    private void revealProblem(Problem p) {
        if (p.blockId() != null && document.circuit().block(p.blockId()).isPresent()) {
            canvas.select(Set.of(p.blockId()), Set.of(), Set.of());
            canvas.centreOn(p.blockId());
        } else if (p.wireIndex() != null && p.wireIndex() < document.circuit().wires().size()) {
            Wire w = document.circuit().wires().get(p.wireIndex());
            canvas.select(Set.of(), Set.of(), Set.of(w));
            canvas.centreOn(w.to().block());
        }
    }

    /** Executes a command; returns null when applied, else the refusal (also shown in the status bar). */
    public String execute(Command command) {
        try {
            document.execute(command);
            return null;
        } catch (CommandRefusedException e) {
            showMessage(e.reason(), true);
            return e.reason();
        }
    }

    private void refreshInspector() {
        Set<String> blocks = canvas.selectedBlocks();
        Set<String> comments = canvas.selectedComments();
        int n = blocks.size() + comments.size() + canvas.selectedWires().size();
        if (blocks.size() == 1 && n == 1) {
            inspector.showBlock(document.circuit().block(blocks.iterator().next()).orElse(null));
        } else if (comments.size() == 1 && n == 1) {
            String id = comments.iterator().next();
            document.circuit().comments().stream().filter(c -> c.id().equals(id)).findFirst()
                    .ifPresentOrElse(inspector::showComment, () -> inspector.showBlock(null));
        } else if (n > 1) {
            inspector.showNothing(n + " items selected", "Use Edit \u2192 Align to line them up, or drag to move them together.");
        } else if (canvas.selectedWires().size() == 1) {
            Wire w = canvas.selectedWires().iterator().next();
            inspector.showNothing("Wire", w.from() + " \u2192 " + w.to() + "\nPress Delete to remove it.");
        } else {
            Circuit c = document.circuit();
            inspector.showNothing("Nothing selected", c.blocks().size() + " blocks, " + c.wires().size()
                    + " wires. Drag blocks from the palette, or double-click the canvas to add one.");
        }
    }

    // ------------------------------------------------------------------ edit actions

    /**
     * Gives an edit action to the focused text field, if any: Undo, Copy, Delete and the like act on
     * the text being typed rather than on the circuit while a field has the focus.
     *
     * @return whether a text field had the focus and took the action
     */
    private boolean handledByTextField(Consumer<TextInputControl> action) {
        Node n = scene.getFocusOwner();
        if (n instanceof TextInputControl t) {
            action.accept(t);
            return true;
        }
        return false;
    }

    /** One step through the document's history: {@link Document#undo} or {@link Document#redo}. */
    @FunctionalInterface
    private interface HistoryStep {
        void run() throws CommandRefusedException;
    }

    private void stepHistory(HistoryStep step, String done) {
        try {
            step.run();
            showMessage(done, false);
        } catch (CommandRefusedException e) {
            showMessage(e.reason(), true);
        }
    }

    private void undo() {
        if (!handledByTextField(TextInputControl::undo) && document.canUndo()) {
            stepHistory(document::undo, "Undid " + document.undoDescription());
        }
    }

    private void redo() {
        if (!handledByTextField(TextInputControl::redo) && document.canRedo()) {
            stepHistory(document::redo, "Redid " + document.redoDescription());
        }
    }

    private void deleteSelected() {
        if (canvas.hasSelection()) {
            execute(new DeleteItems(canvas.selectedBlocks(), canvas.selectedWires(), canvas.selectedComments()));
        }
    }

    private void deleteSelection() {
        if (!handledByTextField(TextInputControl::deleteNextChar)) {
            deleteSelected();
        }
    }

    private void selectAll() {
        if (!handledByTextField(TextInputControl::selectAll)) {
            canvas.selectAll();
        }
    }

    /** The selected blocks and comments with the wires between them, as a stand-alone circuit. */
    private Circuit selectionFragment() {
        return ClipboardCodec.extract(document.circuit(), canvas.selectedBlocks(), canvas.selectedComments());
    }

    private void copy() {
        if (handledByTextField(TextInputControl::copy)) {
            return;
        }
        Circuit fragment = selectionFragment();
        if (fragment.blocks().isEmpty() && fragment.comments().isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(ClipboardCodec.copy(document.circuit(), canvas.selectedBlocks(), canvas.selectedComments()));
        Clipboard.getSystemClipboard().setContent(content);
        showMessage("Copied " + fragment.blocks().size() + " block(s), " + fragment.wires().size() + " wire(s)", false);
    }

    private void cut() {
        if (handledByTextField(TextInputControl::cut)) {
            return;
        }
        copy();
        deleteSelected();
    }

    private void paste() {
        if (handledByTextField(TextInputControl::paste)) {
            return;
        }
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) {
            showMessage("The clipboard holds no circuit", true);
            return;
        }
        Circuit fragment;
        try {
            fragment = ClipboardCodec.parse(text);
        } catch (CommandRefusedException e) {
            showMessage(e.reason(), true);
            return;
        }
        Point2D at = canvas.mouseWorld();
        pasteFragment(fragment, at.getX(), at.getY());
    }

    private void pasteFragment(Circuit fragment, double atX, double atY) {
        Point2D corner = topLeft(fragment);
        if (corner == null) {
            showMessage("There is nothing to paste", true);
            return;
        }
        Paste paste = new Paste(catalog, fragment, snap(atX - corner.getX()), snap(atY - corner.getY()));
        if (execute(paste) == null) {
            canvas.select(Set.copyOf(paste.pastedBlockIds()), Set.copyOf(paste.pastedCommentIds()), Set.of());
        }
    }

    /** The top-left corner of the blocks and comments of a fragment, or null when it has neither. */
    private static Point2D topLeft(Circuit fragment) {
        return fragment.topLeft().map(p -> new Point2D(p.x(), p.y())).orElse(null);
    }

    private void duplicate() {
        Circuit fragment = selectionFragment();
        Point2D corner = topLeft(fragment);
        if (corner != null) {
            pasteFragment(fragment, corner.getX() + 40, corner.getY() + 40);
        }
    }

    private double snap(double v) {
        return canvas.snapToGrid() ? Math.round(v / 20) * 20 : v;
    }

    private void renameSelected() {
        Set<String> sel = canvas.selectedBlocks();
        if (sel.size() == 1) {
            canvas.startRename(sel.iterator().next());
        }
    }

    private void align(Align.Mode mode) {
        if (canvas.selectedBlocks().size() + canvas.selectedComments().size() < 2) {
            showMessage("Select at least two items to align", true);
            return;
        }
        execute(new Align(canvas.selectedBlocks(), canvas.selectedComments(), mode, new BlockBounds() {
            @Override
            public double width(Block block) {
                return BlockGeometry.WIDTH;
            }

            @Override
            public double height(Block block) {
                return new BlockGeometry(block, catalog.portsOf(block)).height();
            }
        }));
    }

    private static String alignTitle(Align.Mode m) {
        return switch (m) {
            case LEFT -> "Left Edges";
            case RIGHT -> "Right Edges";
            case TOP -> "Top Edges";
            case BOTTOM -> "Bottom Edges";
            case CENTER_HORIZONTALLY -> "Centres in a Column";
            case CENTER_VERTICALLY -> "Centres in a Row";
            default -> m.name();
        };
    }

    private void addComment() {
        Point2D at = canvas.mouseWorld();
        AddComment add = new AddComment(snap(at.getX()), snap(at.getY()), 200, 80, "Double-click to edit this note");
        if (execute(add) == null) {
            canvas.select(Set.of(), Set.of(add.addedId()), Set.of());
        }
    }

    private void editCommentText(String id) {
        Optional<Comment> c = document.circuit().comments().stream().filter(m -> m.id().equals(id)).findFirst();
        if (c.isEmpty()) {
            return;
        }
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.OK, ButtonType.CANCEL);
        dialog.initOwner(stage);
        dialog.setTitle("Edit comment");
        dialog.setHeaderText("Comment text");
        TextArea area = new TextArea(c.get().text());
        area.setId("commentText");
        area.setWrapText(true);
        area.setPrefRowCount(6);
        dialog.getDialogPane().setContent(area);
        Platform.runLater(area::requestFocus);
        dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .ifPresent(b -> execute(EditComment.text(id, area.getText(), null)));
    }

    private void quickAddAtMouse() {
        Point2D w = canvas.mouseWorld();
        Point2D s = canvas.worldToScreen(w.getX(), w.getY());
        showQuickAdd(s.getX(), s.getY(), w.getX(), w.getY(), null, false);
    }

    private void showQuickAdd(double sx, double sy, double wx, double wy, PortRef pending, boolean pendingIsOutput) {
        List<BlockType> types = new ArrayList<>();
        PortSpec pendingSpec = pending == null ? null : catalog.port(document.circuit().block(pending.block()).orElseThrow(),
                pending.port()).orElse(null);
        for (BlockType t : catalog.types()) {
            if (pendingSpec == null || matchingPort(t, pendingSpec, pendingIsOutput) != null) {
                types.add(t);
            }
        }
        quickAdd.show(stage, sx, sy, types, t -> {
            if (pendingSpec == null) {
                addBlock(t.id(), wx, wy - BlockGeometry.HEADER / 2);
                return;
            }
            AddAndConnect cmd = new AddAndConnect(catalog, prototype(t, wx, wy - BlockGeometry.HEADER / 2), pending,
                    pendingSpec, pendingIsOutput);
            if (execute(cmd) == null) {
                canvas.select(Set.of(cmd.addedId()), Set.of(), Set.of());
                canvas.requestFocus();
            }
        });
    }

    /** A port of a new block of type t that could take a wire from/to the pending port, or null. */
    private static PortSpec matchingPort(BlockType t, PortSpec pending, boolean pendingIsOutput) {
        if (t.codeBlock()) {
            return pending;
        }
        for (PortSpec p : pendingIsOutput ? t.inputs() : t.outputs()) {
            if (pendingIsOutput ? pending.type().canFeed(p.type()) : p.type().canFeed(pending.type())) {
                return p;
            }
        }
        return null;
    }

    /** Adds a block of a type with its top-left corner at (x, y); selects it; returns its id or null. */
    public String addBlock(String type, double x, double y) {
        BlockType t = catalog.find(type).orElse(null);
        if (t == null) {
            showMessage("There is no block type " + type, true);
            return null;
        }
        AddBlocks add = new AddBlocks(catalog, List.of(prototype(t, x, y)));
        if (execute(add) != null) {
            return null;
        }
        String id = add.addedIds().get(0);
        canvas.select(Set.of(id), Set.of(), Set.of());
        canvas.requestFocus();
        return id;
    }

    /** A new block of a type at (x, y), snapped; a code block starts with the template and its ports. */
    private Block prototype(BlockType t, double x, double y) {
        Block proto = Block.of("", t.id(), snap(x), snap(y));
        if (t.codeBlock()) {
            // A new code block starts with the template's ports so it can be wired at once.
            proto = proto.withPorts(List.of(PortSpec.in("in", PortType.NUMBER)), List.of(PortSpec.out("out", PortType.NUMBER)))
                    .withCode(PythonHighlighter.template());
        }
        return proto;
    }

    private void addBlockAtCentre(String type) {
        Point2D c = canvas.viewCentre();
        addBlock(type, c.getX() - BlockGeometry.WIDTH / 2, c.getY() - 30);
    }

    private void dropFromPalette(String type, double[] screen) {
        Point2D local = canvas.screenToLocal(screen[0], screen[1]);
        if (local == null || !canvas.contains(local)) {
            return;
        }
        Point2D w = canvas.screenToWorld(screen[0], screen[1]);
        addBlock(type, w.getX() - BlockGeometry.WIDTH / 2, w.getY() - BlockGeometry.HEADER / 2);
    }

    // ------------------------------------------------------------------ files

    private void newCircuit() {
        if (!confirmDiscard()) {
            return;
        }
        discardRecovery();
        loadWarnings = List.of();
        document.replaceAll(Circuit.empty("Untitled"), null);
        canvas.view().set(1, 0, 0);
        canvas.clearSelection();
        canvas.markDirty();
    }

    private void openDialog() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = circuitChooser("Open circuit");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            load(f.toPath());
        }
    }

    private FileChooser circuitChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Circuits", "*.json", "*.vc3", "*.vc"));
        if (document.file() != null && document.file().getParent() != null) {
            chooser.setInitialDirectory(document.file().getParent().toFile());
        }
        return chooser;
    }

    /** Loads a file without asking (callers ask about unsaved changes first). Errors leave the current circuit. */
    public boolean load(Path file) {
        try {
            LoadResult r = readCircuit(file);
            boolean native_ = file.getFileName().toString().endsWith(".json");
            loadWarnings = List.copyOf(r.warnings());
            // Imported VisualCircuit projects are saved as a new .json file, never over the original.
            document.replaceAll(r.circuit(), native_ ? file : null);
            addRecent(file);
            canvas.clearSelection();
            canvas.zoomToFit();
            Platform.runLater(canvas::zoomToFit);
            showMessage("Opened " + file.getFileName() + (r.warnings().isEmpty() ? ""
                    : " with " + r.warnings().size() + " warning(s): " + r.warnings().get(0).message()), !r.warnings().isEmpty());
            return true;
        } catch (CircuitFormatException e) {
            error("Cannot open " + file.getFileName(), e.getMessage());
        } catch (IOException e) {
            error("Cannot open " + file.getFileName(), describe(e));
        }
        return false;
    }

    /** Saves; returns false when cancelled or failed. */
    public boolean save() {
        if (document.file() == null) {
            return saveAsDialog();
        }
        return saveTo(document.file());
    }

    private void saveAs() {
        saveAsDialog();
    }

    private boolean saveAsDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save circuit");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("VisualCircuit circuit", "*.json"));
        chooser.setInitialFileName(displayName().replaceAll("\\.(vc3|vc)$", "").endsWith(".json")
                ? displayName() : displayName().replaceAll("\\.(vc3|vc)$", "") + ".json");
        java.io.File f = chooser.showSaveDialog(stage);
        return f != null && saveTo(f.toPath());
    }

    /** Saves the circuit to a file (atomically, keeping a .bak of the old version). */
    public boolean saveTo(Path file) {
        try {
            store.save(document, file);
            refreshRecent();
            updateTitle();
            showMessage("Saved " + file.getFileName(), false);
            return true;
        } catch (IOException e) {
            error("Cannot save " + file.getFileName(), describe(e) + "\nYour circuit is still open; nothing was lost.");
            return false;
        }
    }

    private void autosave() {
        try {
            store.autosave(document);
        } catch (IOException e) {
            showMessage("Autosave failed: " + describe(e), true);
        }
    }

    /** Offers to restore work from the recovery file left by a crash; returns true when restored. */
    public boolean offerRecovery() {
        List<Recovery> found = store.findRecoveries();
        if (found.isEmpty()) {
            return false;
        }
        Optional<Recovery> rec = Optional.of(found.get(0));
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "VisualCircuit found unsaved work from "
                + rec.get().savedAt() + (rec.get().originalFile() != null ? " (" + rec.get().originalFile().getFileName() + ")" : "")
                + ". Recover it?", new ButtonType("Recover", ButtonBar.ButtonData.OK_DONE),
                new ButtonType("Discard", ButtonBar.ButtonData.CANCEL_CLOSE));
        a.initOwner(stage);
        a.setTitle("Recover unsaved work");
        a.setHeaderText("Recover unsaved work?");
        boolean recover = a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
        if (recover) {
            document.replaceAllUnsaved(rec.get().circuit(), rec.get().originalFile());
            canvas.zoomToFit();
            showMessage("Recovered unsaved work; save it to keep it", false);
        }
        try {
            store.discardRecovery(rec.get());
        } catch (IOException e) {
            showMessage("Could not remove the recovery file: " + describe(e), true);
        }
        return recover;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : store.recentFiles()) {
            MenuItem m = new MenuItem(p.getFileName() + "  \u2014  " + (p.getParent() == null ? "" : p.getParent()));
            m.setOnAction(e -> open(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void discardRecovery() {
        try {
            store.discardRecovery(document);
        } catch (IOException e) {
            showMessage("Could not remove the recovery file: " + describe(e), true);
        }
    }

    private void addRecent(Path file) {
        try {
            store.addRecent(file);
        } catch (IOException e) {
            // The recent list is a convenience; opening worked.
        }
        refreshRecent();
    }

    /** Reads a circuit file: VisualCircuit JSON, or an imported .vc3/.vc project. */
    static LoadResult readCircuit(Path file) throws IOException, CircuitFormatException {
        return CircuitFiles.read(file);
    }

    /** A one-line, user-readable reason for a failed file operation. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "The file " + e.getMessage() + " does not exist.";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied: " + e.getMessage();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(displayName().replaceAll("\\.[a-z0-9]+$", "") + ".png");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f != null) {
            try {
                exportPng(f.toPath());
                showMessage("Exported " + f.getName(), false);
            } catch (IOException e) {
                error("Cannot export " + f.getName(), describe(e));
            }
        }
    }

    /** Renders the whole circuit (not just the view) at 100 % (smaller when huge) into a PNG file. */
    public void exportPng(Path file) throws IOException {
        CircuitGeometry geo = canvas.geometry();
        double pad = 30;
        double w = Math.max(200, geo.maxX() - geo.minX() + 2 * pad);
        double h = Math.max(150, geo.maxY() - geo.minY() + 2 * pad);
        double scale = Math.min(1.0, 8000 / Math.max(w, h));
        Canvas off = new Canvas(Math.ceil(w * scale), Math.ceil(h * scale));
        ViewTransform vt = new ViewTransform();
        vt.set(scale, -(geo.minX() - pad) * scale, -(geo.minY() - pad) * scale);
        CircuitPainter.Frame frame = new CircuitPainter.Frame();
        frame.theme = theme.canvas();
        frame.orthogonal = canvas.orthogonalWires();
        frame.showGrid = false;
        new CircuitPainter().paint(off.getGraphicsContext2D(), off.getWidth(), off.getHeight(), vt, geo, frame);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage img = off.snapshot(params, null);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", tmp.toFile())) {
            throw new IOException("no PNG writer is available");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void exportSvg() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export SVG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG image", "*.svg"));
        chooser.setInitialFileName(displayName().replaceAll("\\.[a-z0-9]+$", "") + ".svg");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f != null) {
            try {
                Files.writeString(f.toPath(), SvgExporter.export(canvas.geometry(), theme.canvas(), canvas.orthogonalWires()),
                        StandardCharsets.UTF_8);
                showMessage("Exported " + f.getName(), false);
            } catch (IOException e) {
                error("Cannot export " + f.getName(), describe(e));
            }
        }
    }

    private void onFileDragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void onFileDropped(DragEvent e) {
        boolean ok = false;
        if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
            Path p = e.getDragboard().getFiles().get(0).toPath();
            Platform.runLater(() -> open(p));
            ok = true;
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void error(String header, String text) {
        showMessage(header, true);
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.initOwner(stage);
        a.setTitle(APP);
        a.setHeaderText(header);
        a.getDialogPane().setMinWidth(480);
        a.show();
    }

    /**
     * Asks what to do with unsaved changes: Save, Discard or Cancel. Returns true when the caller may
     * go on (saved or discarded, or nothing to save).
     */
    public boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        ButtonType saveB = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discardB = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType cancelB = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Do you want to save the changes to " + displayName() + "?",
                saveB, discardB, cancelB);
        a.initOwner(stage);
        a.setTitle(APP);
        a.setHeaderText("Unsaved changes");
        a.getDialogPane().setId("dirtyPrompt");
        a.getDialogPane().lookupButton(saveB).setId("promptSave");
        a.getDialogPane().lookupButton(discardB).setId("promptDiscard");
        a.getDialogPane().lookupButton(cancelB).setId("promptCancel");
        ButtonType choice = a.showAndWait().orElse(cancelB);
        if (choice == saveB) {
            return save();
        }
        if (choice == discardB) {
            discardRecovery();
            return true;
        }
        return false;
    }

    private void onCloseRequest(WindowEvent e) {
        if (!confirmDiscard()) {
            e.consume();
            return;
        }
        closeCodeEditors();
    }

    private void closeCodeEditors() {
        for (CodeEditor ed : List.copyOf(codeEditors.values())) {
            ed.stage().close();
        }
    }

    private void quit() {
        if (confirmDiscard()) {
            closeCodeEditors();
            stage.close();
        }
    }

    private void showShortcuts() {
        StringBuilder text = new StringBuilder();
        List<String[]> all = new ArrayList<>(shortcuts);
        all.add(new String[] {"Quick-add a block at the mouse", "Space (tap) or double-click empty canvas"});
        all.add(new String[] {"Pan", "Wheel / trackpad, middle-drag, Space+drag"});
        all.add(new String[] {"Zoom at the mouse", "Shortcut+wheel"});
        all.add(new String[] {"Add to / remove from selection", "Shift+click or Shortcut+click"});
        all.add(new String[] {"Select an area", "Drag on empty canvas"});
        all.add(new String[] {"Connect", "Drag from an output to an input (or back)"});
        all.add(new String[] {"Rename a block", "Double-click its title, or F2"});
        all.add(new String[] {"Edit a code block", "Double-click its body"});
        all.add(new String[] {"Clear selection", "Escape"});
        for (String[] s : all) {
            String keys = s[1].replace("Shortcut", System.getProperty("os.name", "").startsWith("Mac") ? "\u2318" : "Ctrl");
            text.append(String.format("%-34s %s%n", s[0], keys));
        }
        TextArea area = new TextArea(text.toString());
        area.setEditable(false);
        area.setId("shortcutList");
        area.getStyleClass().add("monospace");
        area.setPrefSize(640, 460);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(stage);
        a.setTitle("Keyboard Shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(area);
        a.show();
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION,
                "VisualCircuit for the desktop: draw circuits of blocks and wires, press Run, and watch the values flow.",
                ButtonType.OK);
        a.initOwner(stage);
        a.setTitle("About");
        a.setHeaderText(APP);
        a.show();
    }

    /** Every shortcut listed in Help, as (action, keys) pairs. */
    public List<String[]> shortcuts() {
        return List.copyOf(shortcuts);
    }

    // ------------------------------------------------------------------ canvas and panel adapters

    private final class Actions implements CanvasActions {
        @Override
        public void moveItems(Set<String> blockIds, Set<String> commentIds, double dx, double dy) {
            // A fresh gesture per drag: each drag is its own undo step.
            moveGesture = new Object();
            execute(new MoveItems(blockIds, commentIds, dx, dy, moveGesture));
        }

        @Override
        public Optional<String> connectionRefusal(PortRef from, PortRef to) {
            return ConnectionRules.standard().refusal(document.circuit(), catalog, from, to);
        }

        @Override
        public void connect(PortRef from, PortRef to) {
            execute(new Connect(catalog, from, to));
        }

        @Override
        public void message(String text) {
            showMessage(text, true);
        }

        @Override
        public void quickAdd(double screenX, double screenY, double wx, double wy, PortRef pending, boolean pendingIsOutput) {
            showQuickAdd(screenX, screenY, wx, wy, pending, pendingIsOutput);
        }

        @Override
        public void addBlock(String type, double wx, double wy) {
            EditorWindow.this.addBlock(type, wx, wy);
        }

        @Override
        public void rename(String blockId, String newLabel) {
            execute(new SetLabel(blockId, newLabel.isBlank() ? null : newLabel));
        }

        @Override
        public void openBlock(String blockId) {
            Optional<Block> b = document.circuit().block(blockId);
            if (b.isPresent() && catalog.find(b.get().type()).map(BlockType::codeBlock).orElse(false)) {
                openCode(blockId, 0);
            }
        }

        @Override
        public void editComment(String commentId) {
            editCommentText(commentId);
        }

        @Override
        public void resizeComment(String commentId, double width, double height) {
            execute(EditComment.resize(commentId, width, height, null));
        }

        @Override
        public void selectionChanged() {
            refreshInspector();
        }
    }

    private final class InspectorEdits implements Inspector.Edits {
        @Override
        public String rename(String blockId, String newId) {
            String r = execute(new RenameBlock(blockId, newId.strip()));
            if (r == null) {
                canvas.select(Set.of(newId.strip()), Set.of(), Set.of());
            }
            return r;
        }

        @Override
        public String setLabel(String blockId, String label) {
            return execute(new SetLabel(blockId, label));
        }

        @Override
        public String setRate(String blockId, Double rate) {
            return execute(new SetRate(blockId, rate));
        }

        @Override
        public String setParameter(String blockId, String name, Object value) {
            return execute(new SetParameter(catalog, blockId, name, value));
        }

        @Override
        public String setCommentText(String commentId, String text) {
            return execute(EditComment.text(commentId, text, null));
        }

        @Override
        public void openCode(String blockId) {
            EditorWindow.this.openCode(blockId, 0);
        }
    }

    private final class CodeEdits implements CodeEditor.Edits {
        @Override
        public String setCode(String blockId, String code) {
            return execute(new SetCode(catalog, blockId, code));
        }

        @Override
        public String setPorts(String blockId, List<PortSpec> inputs, List<PortSpec> outputs) {
            Block b = document.circuit().block(blockId).orElse(null);
            if (b == null) {
                return "The block was deleted";
            }
            return execute(new SetPorts(catalog, blockId, inputs, outputs, b.params(), Map.of()));
        }

        @Override
        public String setParams(String blockId, Map<String, Object> params) {
            Block b = document.circuit().block(blockId).orElse(null);
            if (b == null) {
                return "The block was deleted";
            }
            return execute(new SetPorts(catalog, blockId, b.inputs(), b.outputs(), new LinkedHashMap<>(params), Map.of()));
        }

        @Override
        public Block block(String blockId) {
            return document.circuit().block(blockId).orElse(null);
        }
    }

    /** Ids of every block, for tests and the live view. */
    public Set<String> blockIds() {
        return new LinkedHashSet<>(IdGenerator.blockIds(document.circuit()));
    }
}

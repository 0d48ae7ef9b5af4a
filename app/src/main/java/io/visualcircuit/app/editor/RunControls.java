package io.visualcircuit.app.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The hook through which the live view drives the Run, Stop, Restart and Record buttons and menu
 * items of the editor window. The editor only forwards clicks to the installed actions; each
 * control stays disabled until its action is set and its enabled property is true.
 *
 * <p>Threading: FX thread only (the properties are bound to controls).
 */
public final class RunControls {
    private final ObjectProperty<Runnable> onRun = new SimpleObjectProperty<>();
    private final ObjectProperty<Runnable> onStop = new SimpleObjectProperty<>();
    private final ObjectProperty<Runnable> onRestart = new SimpleObjectProperty<>();
    private final ObjectProperty<Runnable> onRecord = new SimpleObjectProperty<>();
    private final BooleanProperty runEnabled = new SimpleBooleanProperty(false);
    private final BooleanProperty stopEnabled = new SimpleBooleanProperty(false);
    private final BooleanProperty restartEnabled = new SimpleBooleanProperty(false);
    private final BooleanProperty recordEnabled = new SimpleBooleanProperty(false);
    private final BooleanProperty recording = new SimpleBooleanProperty(false);

    public ObjectProperty<Runnable> onRunProperty() {
        return onRun;
    }

    public ObjectProperty<Runnable> onStopProperty() {
        return onStop;
    }

    public ObjectProperty<Runnable> onRestartProperty() {
        return onRestart;
    }

    public ObjectProperty<Runnable> onRecordProperty() {
        return onRecord;
    }

    public BooleanProperty runEnabledProperty() {
        return runEnabled;
    }

    public BooleanProperty stopEnabledProperty() {
        return stopEnabled;
    }

    public BooleanProperty restartEnabledProperty() {
        return restartEnabled;
    }

    public BooleanProperty recordEnabledProperty() {
        return recordEnabled;
    }

    /** Whether recording is on (shown as a selected toggle). */
    public BooleanProperty recordingProperty() {
        return recording;
    }

    public void setOnRun(Runnable r) {
        onRun.set(r);
    }

    public void setOnStop(Runnable r) {
        onStop.set(r);
    }

    public void setOnRestart(Runnable r) {
        onRestart.set(r);
    }

    public void setOnRecord(Runnable r) {
        onRecord.set(r);
    }

    void fire(ObjectProperty<Runnable> action) {
        Runnable r = action.get();
        if (r != null) {
            r.run();
        }
    }
}

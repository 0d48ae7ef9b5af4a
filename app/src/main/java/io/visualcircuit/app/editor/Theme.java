package io.visualcircuit.app.editor;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.visualcircuit.app.canvas.CanvasTheme;

/** The looks the View menu offers: an AtlantaFX stylesheet plus matching canvas colours. */
public enum Theme {
    PRIMER_LIGHT("Primer Light", new PrimerLight().getUserAgentStylesheet(), CanvasTheme.LIGHT, false),
    PRIMER_DARK("Primer Dark", new PrimerDark().getUserAgentStylesheet(), CanvasTheme.DARK, true),
    NORD_LIGHT("Nord Light", new NordLight().getUserAgentStylesheet(), CanvasTheme.LIGHT, false),
    NORD_DARK("Nord Dark", new NordDark().getUserAgentStylesheet(), CanvasTheme.DARK, true);

    private final String title;
    private final String stylesheet;
    private final CanvasTheme canvas;
    private final boolean dark;

    Theme(String title, String stylesheet, CanvasTheme canvas, boolean dark) {
        this.title = title;
        this.stylesheet = stylesheet;
        this.canvas = canvas;
        this.dark = dark;
    }

    public String title() {
        return title;
    }

    public String stylesheet() {
        return stylesheet;
    }

    public CanvasTheme canvas() {
        return canvas;
    }

    public boolean dark() {
        return dark;
    }

    /** Parses a stored name; unknown names give the default light look. */
    public static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return PRIMER_LIGHT;
    }
}

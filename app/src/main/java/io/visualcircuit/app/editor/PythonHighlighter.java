package io.visualcircuit.app.editor;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python syntax colouring for the code editor: keywords, built-ins, strings (including triple
 * quoted), comments, numbers, decorators and the VisualCircuit API names. Produces RichTextFX
 * style spans whose class names the editor stylesheet colours.
 */
final class PythonHighlighter {
    private static final String[] KEYWORDS = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    private static final String[] BUILTINS = {
        "print", "len", "range", "int", "float", "str", "bool", "list", "dict", "set", "tuple", "abs", "min",
        "max", "sum", "round", "enumerate", "zip", "isinstance", "self"};
    private static final String[] API = {"inputs", "outputs", "parameters", "synchronise", "read", "read_number", "read_string", "read_array",
        "read_image", "read_bool", "share", "share_number", "share_string", "share_array", "share_image", "step", "main"};

    private static final Pattern PATTERN = Pattern.compile(
            "(?<COMMENT>#[^\n]*)"
            + "|(?<STRING>(?:[rbfuRBFU]{0,2})(?:\"\"\"(?:.|\\R)*?\"\"\"|'''(?:.|\\R)*?'''|\"(?:[^\"\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\n]|\\\\.)*'))"
            + "|(?<DECORATOR>@\\w+)"
            + "|(?<KEYWORD>\\b(?:" + String.join("|", KEYWORDS) + ")\\b)"
            + "|(?<BUILTIN>\\b(?:" + String.join("|", BUILTINS) + ")\\b)"
            + "|(?<API>\\b(?:" + String.join("|", API) + ")\\b)"
            + "|(?<NUMBER>\\b(?:0[xX][0-9a-fA-F_]+|\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)\\b)");

    private PythonHighlighter() {
    }

    static StyleSpans<Collection<String>> compute(String text) {
        Matcher m = PATTERN.matcher(text);
        int last = 0;
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "py-comment"
                    : m.group("STRING") != null ? "py-string"
                    : m.group("DECORATOR") != null ? "py-decorator"
                    : m.group("KEYWORD") != null ? "py-keyword"
                    : m.group("BUILTIN") != null ? "py-builtin"
                    : m.group("API") != null ? "py-api"
                    : "py-number";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }

    /** The code a new Python block starts with: a short explanation of the API and a working example. */
    static String template() {
        return """
                # A VisualCircuit code block. Declare its inputs, outputs and parameters on the
                # right; they become this block's ports. Two ways to write it:
                #
                # 1. The simple form: step() is called at the block's rate (or, with rate 0,
                #    whenever an input has a new value).
                #
                # 2. The full form, as in VisualCircuit projects: main() runs once and loops;
                #    synchronise() sleeps until the next tick of the block's rate.
                #
                #        def main(inputs, outputs, parameters, synchronise):
                #            while True:
                #                x = inputs.read_number("in")   # None until first written
                #                if x is not None:
                #                    outputs.share_number("out", float(x[0]) * 2)
                #                synchronise()
                #
                # inputs.read / read_number / read_string / read_array / read_image;
                # outputs.share / share_number / share_string / share_array / share_image;
                # parameters.read_number / read_string / read_bool.

                def step(inputs, outputs, parameters):
                    x = inputs.read_number("in")
                    if x is not None:
                        outputs.share_number("out", float(x[0]))
                """;
    }
}

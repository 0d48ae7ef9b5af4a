package io.visualcircuit.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every JSON file this program reads is read, circuits and imported VisualCircuit projects
 * alike: the same limits, so that a hostile or corrupted file fails fast instead of exhausting
 * memory or the stack (they are far above what a real file needs), and the same plain sentences
 * for what is wrong with a file. Stateless; any thread may call.
 */
public final class JsonReading {
    /** Circuits nest about six levels deep and VisualCircuit projects about ten; far deeper is not a file of ours. */
    public static final int MAX_NESTING = 64;
    /** The longest text value, such as a code block's source (4 Mi characters). */
    public static final int MAX_STRING = 4 * 1024 * 1024;
    /** The most digits in one number. */
    public static final int MAX_NUMBER_DIGITS = 100;
    /** The largest document (64 MiB). */
    public static final long MAX_DOCUMENT = 64L * 1024 * 1024;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(MAX_STRING)
            .maxNumberLength(MAX_NUMBER_DIGITS)
            .maxDocumentLength(MAX_DOCUMENT)
            .build();
    private static final Pattern BARE_WORD = Pattern.compile("^Unrecognized token '([^']{1,40})");
    private static final Pattern BAD_CHARACTER =
            Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)(?:: (.*))?");

    private JsonReading() {
    }

    /**
     * A factory builder with the limits set, and with parser messages that never quote the file's
     * content (a message could otherwise echo megabytes of a hostile file).
     */
    public static JsonFactoryBuilder factoryBuilder() {
        return new JsonFactoryBuilder()
                .streamReadConstraints(CONSTRAINTS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);
    }

    /** A factory with the limits, for readers that need nothing more. */
    public static JsonFactory factory() {
        return factoryBuilder().build();
    }

    /**
     * The parser's complaint as one sentence a student can act on, without Jackson's class and
     * feature names. The caller adds the file and the place.
     */
    public static String explain(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (e instanceof JsonEOFException || lower.contains("unexpected end-of-input")) {
            return "the file ends in the middle of the JSON (is it truncated?)";
        }
        if (e instanceof StreamConstraintsException limit) {
            return limit(limit);
        }
        if (lower.contains("invalid utf-8") || lower.contains("invalid utf8")) {
            return "the file is not valid UTF-8 text";
        }
        if (lower.contains("duplicate field")) {
            int q1 = raw.indexOf('\'');
            int q2 = q1 < 0 ? -1 : raw.indexOf('\'', q1 + 1);
            String key = q2 > q1 ? raw.substring(q1 + 1, q2) : "?";
            return "the key \"" + key + "\" appears twice in the same object";
        }
        if (lower.contains("illegal unquoted character")) {
            return "a text value contains a raw control character such as a line break; write it escaped"
                    + " (for example \\n), or add the missing closing quote";
        }
        Matcher token = BARE_WORD.matcher(raw);
        if (token.find()) {
            return "invalid JSON: unexpected '" + token.group(1) + "' (texts need double quotes; true, false and"
                    + " null are the only bare words)";
        }
        Matcher ch = BAD_CHARACTER.matcher(raw);
        if (ch.find()) {
            return "invalid JSON: unexpected character '" + ch.group(1) + "'"
                    + (ch.group(2) == null ? "" : "; " + firstSentence(ch.group(2)));
        }
        if (lower.contains("non-standard token")) {
            return "NaN and Infinity are not allowed; write a finite number";
        }
        if (lower.contains("leading zeroes")) {
            return "invalid number: leading zeros are not allowed in JSON";
        }
        return "invalid JSON: " + firstSentence(raw);
    }

    private static String firstSentence(String raw) {
        String s = raw;
        int cut = s.indexOf('\n');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        // Jackson's hints name its own configuration features, which users cannot change, and its
        // own idea of where an array or object started, which the caller's place already covers.
        for (String marker : new String[] {" (start marker at", " (for Array starting at",
            " (for Object starting at", " [Source:", ": enable `", "; enable `"}) {
            int i = s.indexOf(marker);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        return s.strip();
    }

    /** Which limit the file broke (Jackson's own message names its classes, which mean nothing to a user). */
    private static String limit(StreamConstraintsException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "the JSON is nested more than " + MAX_NESTING
                    + " levels deep; no circuit or VisualCircuit project is";
        }
        if (lower.contains("string value length")) {
            return "a text value is longer than the limit of " + MAX_STRING + " characters";
        }
        if (lower.contains("number value length")) {
            return "a number has more than " + MAX_NUMBER_DIGITS + " digits";
        }
        if (lower.contains("document length")) {
            return "the file is larger than the limit of " + (MAX_DOCUMENT >> 20) + " MiB";
        }
        return "the file exceeds a limit on the size of its JSON";
    }
}

package io.visualcircuit.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.visualcircuit.runtime.circuit.SourceMap.Position;

import java.io.CharConversionException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed JSON document that remembers the line and column of every value and key, so the circuit
 * reader and the validator can point at the exact place of a problem. Limits on nesting, text and
 * number length make hostile files fail fast with a clear message instead of exhausting memory.
 */
final class JsonTree {
    /** Circuits nest about six levels deep; anything far deeper is not a circuit. */
    static final int MAX_NESTING = 64;
    /** The longest text value, such as a code block's source (4 Mi characters). */
    static final int MAX_STRING = 4 * 1024 * 1024;
    /** The most digits in one number. */
    static final int MAX_NUMBER_DIGITS = 100;
    /** The largest document (64 MiB). */
    static final long MAX_DOCUMENT = 64L * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER_DIGITS)
                    .maxDocumentLength(MAX_DOCUMENT)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonTree() {
    }

    enum Kind {
        OBJECT, ARRAY, STRING, INTEGER, FLOAT, BOOLEAN, NULL;

        String describe() {
            return switch (this) {
                case OBJECT -> "an object";
                case ARRAY -> "an array";
                case STRING -> "a text";
                case INTEGER -> "a whole number";
                case FLOAT -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "null";
            };
        }
    }

    /** A key of an object with where it was written. */
    record Member(String key, Position keyAt, Node value) {
    }

    /**
     * One JSON value. {@code scalar} is a String, Long, BigInteger, Double or Boolean;
     * {@code members} is set for objects (in file order), {@code items} for arrays.
     */
    record Node(Kind kind, Position at, Object scalar, Map<String, Member> members, List<Node> items) {
        Node get(String key) {
            Member m = members == null ? null : members.get(key);
            return m == null ? null : m.value();
        }

        boolean isNumber() {
            return kind == Kind.INTEGER || kind == Kind.FLOAT;
        }
    }

    /** Parses UTF-8 bytes into a tree; every failure becomes a {@link CircuitFormatException}. */
    static Node parse(byte[] bytes, String file) throws CircuitFormatException {
        char[] text = decodeUtf8(bytes, file);
        JsonParser p = null;
        try {
            // Parsing characters, not bytes, so columns count characters as editors do.
            int start = text.length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            p = FACTORY.createParser(text, start, text.length - start);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new CircuitFormatException(file, 1, 1, "the file is empty; a circuit file is a JSON object");
            }
            Node root = read(p);
            if (p.nextToken() != null) {
                Position at = pos(p.currentTokenLocation());
                throw new CircuitFormatException(file, at.line(), at.column(),
                        "unexpected content after the end of the circuit object");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Limit violations carry no location; the parser still knows where it stopped.
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            Position at = loc == null ? new Position(1, 1) : pos(loc);
            throw new CircuitFormatException(file, at.line(), at.column(), explain(e));
        } catch (CharConversionException e) {
            throw new CircuitFormatException(file, 1, 1, "the file is not valid UTF-8 text");
        } catch (IOException e) {
            throw new CircuitFormatException(file, 1, 1, "cannot read the file: " + e.getMessage());
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // Closing a parser over a byte array releases buffers only; nothing can be lost.
                }
            }
        }
    }

    /** Strict UTF-8 decoding; a bad byte sequence is reported at its line and column. */
    private static char[] decodeUtf8(byte[] bytes, String file) throws CircuitFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new CircuitFormatException(file, line, column, "the file is not valid UTF-8 text (is it saved in"
                    + " another encoding?)");
        }
        out.flip();
        char[] chars = new char[out.remaining()];
        out.get(chars);
        return chars;
    }

    private static Node read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        Position at = pos(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT: {
                Map<String, Member> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Position keyAt = pos(p.currentTokenLocation());
                    p.nextToken();
                    members.put(key, new Member(key, keyAt, read(p)));
                }
                return new Node(Kind.OBJECT, at, null, members, null);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new Node(Kind.ARRAY, at, null, null, items);
            }
            case VALUE_STRING:
                return new Node(Kind.STRING, at, p.getText(), null, null);
            case VALUE_NUMBER_INT: {
                Object v = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : Long.valueOf(p.getLongValue());
                return new Node(Kind.INTEGER, at, v instanceof BigInteger b && b.bitLength() < 64 ? b.longValue() : v,
                        null, null);
            }
            case VALUE_NUMBER_FLOAT:
                return new Node(Kind.FLOAT, at, p.getDoubleValue(), null, null);
            case VALUE_TRUE:
                return new Node(Kind.BOOLEAN, at, Boolean.TRUE, null, null);
            case VALUE_FALSE:
                return new Node(Kind.BOOLEAN, at, Boolean.FALSE, null, null);
            case VALUE_NULL:
                return new Node(Kind.NULL, at, null, null, null);
            default:
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    static Position pos(JsonLocation loc) {
        return new Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    /** Turns the parser's message into one sentence a student can act on. */
    private static String explain(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (e instanceof JsonEOFException || lower.contains("unexpected end-of-input")) {
            return "the file ends in the middle of the JSON (is it truncated?)";
        }
        if (e instanceof StreamConstraintsException) {
            if (lower.contains("nesting depth")) {
                return "the JSON is nested more than " + MAX_NESTING + " levels deep; a circuit file never is";
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
            return "the file exceeds a size limit: " + firstSentence(raw);
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
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("^Unrecognized token '([^']{1,40})").matcher(raw);
        if (token.find()) {
            return "invalid JSON: unexpected '" + token.group(1) + "' (texts need double quotes; true, false and"
                    + " null are the only bare words)";
        }
        java.util.regex.Matcher ch = java.util.regex.Pattern
                .compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)(?:: (.*))?").matcher(raw);
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
        // Jackson's hints name its own configuration features, which users cannot change.
        for (String marker : new String[] {" (start marker at", ": enable `", "; enable `"}) {
            int i = s.indexOf(marker);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        return s.strip();
    }
}

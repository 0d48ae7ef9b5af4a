package io.visualcircuit.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import java.util.Map;

/**
 * A parsed JSON document that remembers the line and column of every value and key, so the circuit
 * reader and the validator can point at the exact place of a problem. The {@link JsonReading} make
 * hostile files fail fast with a clear message instead of exhausting memory.
 */
final class JsonTree {
    private static final JsonFactory FACTORY = JsonReading.factoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
            throw new CircuitFormatException(file, at.line(), at.column(), JsonReading.explain(e));
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
}

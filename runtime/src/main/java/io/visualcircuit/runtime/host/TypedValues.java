package io.visualcircuit.runtime.host;

/**
 * Encodes parameter values as single-line text that keeps their type, for the block spec file and
 * the control channel between the runtime and a block process: {@code d:1.5}, {@code l:3},
 * {@code b:true}, {@code s:text} with backslash escapes for line breaks, tabs and backslashes.
 * Stateless; safe from any thread.
 */
public final class TypedValues {
    private TypedValues() {
    }

    /** Encodes a Double (or other Number), Long/Integer, Boolean or String; anything else as its text. */
    public static String encode(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return "l:" + ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            return "d:" + n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return "b:" + b;
        }
        return "s:" + escape(String.valueOf(value));
    }

    /** The inverse of {@link #encode}; throws IllegalArgumentException for text it did not produce. */
    public static Object decode(String text) {
        if (text.length() < 2 || text.charAt(1) != ':') {
            throw new IllegalArgumentException("not an encoded value: " + text);
        }
        String body = text.substring(2);
        return switch (text.charAt(0)) {
            case 'd' -> Double.parseDouble(body);
            case 'l' -> Long.parseLong(body);
            case 'b' -> Boolean.parseBoolean(body);
            case 's' -> unescape(body);
            default -> throw new IllegalArgumentException("not an encoded value: " + text);
        };
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

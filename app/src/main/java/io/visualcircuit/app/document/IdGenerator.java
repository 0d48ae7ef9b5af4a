package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes block and comment ids that are unique in a circuit and readable: a block of type
 * {@code sine} becomes {@code sine1}, then {@code sine2}; comments become {@code note1}, ...
 * Also says which ids a user may type when renaming a block. Stateless and thread-safe.
 */
public final class IdGenerator {
    /** Longest id accepted when renaming. */
    public static final int MAX_ID_LENGTH = 64;

    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");
    private static final Pattern TRAILING_DIGITS = Pattern.compile("\\d+$");

    private IdGenerator() {
    }

    /** All block ids of the circuit. */
    public static Set<String> blockIds(Circuit circuit) {
        Set<String> ids = new HashSet<>();
        for (Block b : circuit.blocks()) {
            ids.add(b.id());
        }
        return ids;
    }

    /** All comment ids of the circuit. */
    public static Set<String> commentIds(Circuit circuit) {
        Set<String> ids = new HashSet<>();
        for (Comment c : circuit.comments()) {
            ids.add(c.id());
        }
        return ids;
    }

    /** A fresh block id for a block of {@code type}, such as {@code sine3}, not in {@code taken}. */
    public static String freshBlockId(String type, Set<String> taken) {
        return fresh(baseOf(type, "block"), taken);
    }

    /** A fresh comment id, such as {@code note2}, not in {@code taken}. */
    public static String freshCommentId(Set<String> taken) {
        return fresh("note", taken);
    }

    /**
     * A fresh id close to {@code wanted}: {@code sine1} when it is taken becomes the next free
     * {@code sineN}. Used when pasting blocks whose ids clash.
     */
    public static String freshLike(String wanted, Set<String> taken) {
        String base = TRAILING_DIGITS.matcher(wanted).replaceFirst("");
        return fresh(baseOf(base, "block"), taken);
    }

    /** Why {@code id} cannot be a block id, or empty when it can. */
    public static Optional<String> invalidIdReason(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("A block id cannot be empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            return Optional.of("A block id can have at most " + MAX_ID_LENGTH + " characters");
        }
        if (!VALID_ID.matcher(id).matches()) {
            return Optional.of("'" + id + "' is not a valid block id: use letters, digits, '_' and '-'"
                    + " (not starting with '-')");
        }
        return Optional.empty();
    }

    private static String baseOf(String text, String fallback) {
        StringBuilder sb = new StringBuilder();
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length() && sb.length() < MAX_ID_LENGTH - 6; i++) {
            char ch = lower.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_') {
                sb.append(ch);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        return sb.length() == 0 ? fallback : sb.toString();
    }

    private static String fresh(String base, Set<String> taken) {
        for (long n = 1; ; n++) {
            String id = base + n;
            if (!taken.contains(id)) {
                return id;
            }
        }
    }
}

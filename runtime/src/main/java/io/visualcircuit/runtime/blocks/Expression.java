package io.visualcircuit.runtime.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A compiled formula of the {@code expression} block, such as {@code a*sin(b)+c}. The formula is
 * parsed once into a tree of arithmetic nodes; evaluating it only does arithmetic, so a formula can
 * never run script code, open files or loop.
 *
 * <p>The language:
 * <ul>
 *   <li>numbers ({@code 2}, {@code 0.5}, {@code .5}, {@code 1e-3}), the inputs {@code a b c d} and the
 *       constants {@code pi} and {@code e};</li>
 *   <li>{@code + - * /}, power {@code ^} or {@code **} (right-associative and binding tighter than a
 *       leading minus, so {@code -2^2} is -4 and {@code 2^3^2} is 512), unary minus and plus,
 *       parentheses;</li>
 *   <li>comparisons {@code < <= > >= == !=}, binding loosest and giving 1 for true and 0 for false;</li>
 *   <li>functions {@code sin cos tan asin acos atan sqrt abs exp log log10 floor ceil round} of one
 *       argument (angles in radians, {@code log} is the natural logarithm, {@code round} rounds
 *       halves up), {@code atan2(y, x)}, {@code pow(x, y)}, {@code min} and {@code max} of one or
 *       more arguments, and {@code clamp(x, low, high)}.</li>
 * </ul>
 * Arithmetic follows IEEE doubles: {@code 1/0} is Infinity and {@code sqrt(-1)} is NaN; evaluation
 * never throws.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class Expression {
    /** Deeper nesting than this is refused so a hostile formula cannot overflow the stack. */
    private static final int MAX_DEPTH = 200;
    private static final String VARIABLES = "abcd";

    private final String formula;
    private final Node root;
    private final boolean[] uses;

    private Expression(String formula, Node root, boolean[] uses) {
        this.formula = formula;
        this.root = root;
        this.uses = uses;
    }

    /**
     * Parses a formula.
     *
     * @throws ExpressionException when the formula is empty or malformed, naming the column
     */
    public static Expression compile(String formula) {
        if (formula == null || formula.isBlank()) {
            throw new ExpressionException("empty formula", 1);
        }
        Parser parser = new Parser(formula);
        Node root = parser.parseFormula();
        return new Expression(formula, root, parser.uses);
    }

    /**
     * Checks a formula without keeping it, for validators and the parameter editor.
     *
     * @return the problem (such as {@code unexpected ')' at column 7}), or empty when the formula is fine
     */
    public static Optional<String> check(String formula) {
        try {
            compile(formula);
            return Optional.empty();
        } catch (ExpressionException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Evaluates the formula with the given input values. */
    public double evaluate(double a, double b, double c, double d) {
        return root.eval(new double[] {a, b, c, d});
    }

    /** Whether the formula mentions the input {@code a}, {@code b}, {@code c} or {@code d}. */
    public boolean uses(String variable) {
        int i = variable.length() == 1 ? VARIABLES.indexOf(variable.charAt(0)) : -1;
        return i >= 0 && uses[i];
    }

    /** The formula as it was given. */
    public String formula() {
        return formula;
    }

    @Override
    public String toString() {
        return formula;
    }

    // ---------------------------------------------------------------- tree

    private interface Node {
        double eval(double[] vars);
    }

    private record Constant(double value) implements Node {
        @Override
        public double eval(double[] vars) {
            return value;
        }
    }

    private record Variable(int index) implements Node {
        @Override
        public double eval(double[] vars) {
            return vars[index];
        }
    }

    private record Negate(Node operand) implements Node {
        @Override
        public double eval(double[] vars) {
            return -operand.eval(vars);
        }
    }

    private enum Op { ADD, SUB, MUL, DIV, POW, LT, LE, GT, GE, EQ, NE }

    private record Binary(Op op, Node left, Node right) implements Node {
        @Override
        public double eval(double[] vars) {
            double l = left.eval(vars);
            double r = right.eval(vars);
            return switch (op) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> l / r;
                case POW -> Math.pow(l, r);
                case LT -> l < r ? 1 : 0;
                case LE -> l <= r ? 1 : 0;
                case GT -> l > r ? 1 : 0;
                case GE -> l >= r ? 1 : 0;
                case EQ -> l == r ? 1 : 0;
                case NE -> l != r ? 1 : 0;
            };
        }
    }

    private enum Function {
        SIN(1, 1), COS(1, 1), TAN(1, 1), ASIN(1, 1), ACOS(1, 1), ATAN(1, 1), ATAN2(2, 2), SQRT(1, 1),
        ABS(1, 1), EXP(1, 1), LOG(1, 1), LOG10(1, 1), MIN(1, Integer.MAX_VALUE), MAX(1, Integer.MAX_VALUE),
        FLOOR(1, 1), CEIL(1, 1), ROUND(1, 1), POW(2, 2), CLAMP(3, 3);

        final int minArgs;
        final int maxArgs;

        Function(int minArgs, int maxArgs) {
            this.minArgs = minArgs;
            this.maxArgs = maxArgs;
        }

        static Function named(String name) {
            for (Function f : values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return f;
                }
            }
            return null;
        }

        String arity() {
            if (minArgs == maxArgs) {
                return minArgs + (minArgs == 1 ? " argument" : " arguments");
            }
            return "at least " + minArgs + " argument";
        }
    }

    private record Call(Function function, Node[] args) implements Node {
        @Override
        public double eval(double[] vars) {
            double x = args[0].eval(vars);
            return switch (function) {
                case SIN -> Math.sin(x);
                case COS -> Math.cos(x);
                case TAN -> Math.tan(x);
                case ASIN -> Math.asin(x);
                case ACOS -> Math.acos(x);
                case ATAN -> Math.atan(x);
                case ATAN2 -> Math.atan2(x, args[1].eval(vars));
                case SQRT -> Math.sqrt(x);
                case ABS -> Math.abs(x);
                case EXP -> Math.exp(x);
                case LOG -> Math.log(x);
                case LOG10 -> Math.log10(x);
                case FLOOR -> Math.floor(x);
                case CEIL -> Math.ceil(x);
                case ROUND -> Math.floor(x + 0.5);
                case POW -> Math.pow(x, args[1].eval(vars));
                case CLAMP -> Math.max(args[1].eval(vars), Math.min(args[2].eval(vars), x));
                case MIN -> {
                    double m = x;
                    for (int i = 1; i < args.length; i++) {
                        m = Math.min(m, args[i].eval(vars));
                    }
                    yield m;
                }
                case MAX -> {
                    double m = x;
                    for (int i = 1; i < args.length; i++) {
                        m = Math.max(m, args[i].eval(vars));
                    }
                    yield m;
                }
            };
        }
    }

    // ---------------------------------------------------------------- parser

    private enum Kind { NUMBER, NAME, SYMBOL, END }

    private record Token(Kind kind, String text, int column, double number) {
        String describe() {
            return kind == Kind.END ? "end of formula" : "'" + text + "'";
        }
    }

    /**
     * Recursive descent over the grammar, loosest binding first:
     * <pre>
     * formula    = comparison END
     * comparison = additive (("<" | "<=" | ">" | ">=" | "==" | "!=") additive)*
     * additive   = term (("+" | "-") term)*
     * term       = unary (("*" | "/") unary)*
     * unary      = ("-" | "+") unary | power
     * power      = primary (("^" | "**") unary)?
     * primary    = NUMBER | NAME | NAME "(" comparison ("," comparison)* ")" | "(" comparison ")"
     * </pre>
     */
    private static final class Parser {
        private final List<Token> tokens;
        private final boolean[] uses = new boolean[VARIABLES.length()];
        private int next;
        private int depth;

        Parser(String text) {
            this.tokens = tokenize(text);
        }

        Node parseFormula() {
            Node n = comparison();
            Token t = peek();
            if (t.kind != Kind.END) {
                throw unexpected(t);
            }
            return n;
        }

        private Node comparison() {
            Node left = additive();
            while (true) {
                Op op = switch (peek().text) {
                    case "<" -> Op.LT;
                    case "<=" -> Op.LE;
                    case ">" -> Op.GT;
                    case ">=" -> Op.GE;
                    case "==" -> Op.EQ;
                    case "!=" -> Op.NE;
                    default -> null;
                };
                if (op == null || peek().kind != Kind.SYMBOL) {
                    return left;
                }
                next++;
                left = new Binary(op, left, additive());
            }
        }

        private Node additive() {
            Node left = term();
            while (isSymbol("+") || isSymbol("-")) {
                Op op = take().text.equals("+") ? Op.ADD : Op.SUB;
                left = new Binary(op, left, term());
            }
            return left;
        }

        private Node term() {
            Node left = unary();
            while (isSymbol("*") || isSymbol("/")) {
                Op op = take().text.equals("*") ? Op.MUL : Op.DIV;
                left = new Binary(op, left, unary());
            }
            return left;
        }

        private Node unary() {
            if (isSymbol("-") || isSymbol("+")) {
                Token sign = take();
                enter(sign);
                Node operand = unary();
                depth--;
                return sign.text.equals("-") ? new Negate(operand) : operand;
            }
            return power();
        }

        private Node power() {
            Node base = primary();
            if (isSymbol("^") || isSymbol("**")) {
                Token op = take();
                enter(op);
                Node exponent = unary();
                depth--;
                return new Binary(Op.POW, base, exponent);
            }
            return base;
        }

        private Node primary() {
            Token t = take();
            switch (t.kind) {
                case NUMBER:
                    return new Constant(t.number);
                case NAME:
                    return name(t);
                case SYMBOL:
                    if (t.text.equals("(")) {
                        enter(t);
                        Node inner = comparison();
                        expect(")");
                        depth--;
                        return inner;
                    }
                    throw unexpected(t);
                default:
                    throw unexpected(t);
            }
        }

        private Node name(Token t) {
            int v = t.text.length() == 1 ? VARIABLES.indexOf(t.text.charAt(0)) : -1;
            if (v >= 0) {
                uses[v] = true;
                return new Variable(v);
            }
            if (t.text.equals("pi")) {
                return new Constant(Math.PI);
            }
            if (t.text.equals("e")) {
                return new Constant(Math.E);
            }
            Function f = Function.named(t.text);
            if (f == null) {
                throw new ExpressionException("unknown name '" + t.text
                        + "' (use a, b, c, d, pi, e or a function such as sin)", t.column);
            }
            if (!isSymbol("(")) {
                throw new ExpressionException("expected '(' after " + t.text, peek().column);
            }
            Token open = take();
            enter(open);
            List<Node> args = new ArrayList<>();
            if (!isSymbol(")")) {
                args.add(comparison());
                while (isSymbol(",")) {
                    take();
                    args.add(comparison());
                }
            }
            expect(")");
            depth--;
            if (args.size() < f.minArgs || args.size() > f.maxArgs) {
                throw new ExpressionException(t.text + " takes " + f.arity() + ", not " + args.size(), t.column);
            }
            return new Call(f, args.toArray(new Node[0]));
        }

        private void enter(Token at) {
            if (++depth > MAX_DEPTH) {
                throw new ExpressionException("formula nested too deeply", at.column);
            }
        }

        private void expect(String symbol) {
            Token t = peek();
            if (t.kind != Kind.SYMBOL || !t.text.equals(symbol)) {
                throw new ExpressionException("expected '" + symbol + "' but found " + t.describe(), t.column);
            }
            next++;
        }

        private boolean isSymbol(String s) {
            Token t = peek();
            return t.kind == Kind.SYMBOL && t.text.equals(s);
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = tokens.get(next);
            if (t.kind != Kind.END) {
                next++;
            }
            return t;
        }

        private static ExpressionException unexpected(Token t) {
            return new ExpressionException("unexpected " + t.describe(), t.column);
        }

        private static List<Token> tokenize(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            int n = s.length();
            while (i < n) {
                char ch = s.charAt(i);
                int column = i + 1;
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (isDigit(ch) || (ch == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                    int start = i;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (i < n && s.charAt(i) == '.') {
                        i++;
                        while (i < n && isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                    // An exponent only when digits follow, so "2e" stays a number then the name e.
                    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                        int j = i + 1;
                        if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                            j++;
                        }
                        if (j < n && isDigit(s.charAt(j))) {
                            i = j;
                            while (i < n && isDigit(s.charAt(i))) {
                                i++;
                            }
                        }
                    }
                    String text = s.substring(start, i);
                    out.add(new Token(Kind.NUMBER, text, column, Double.parseDouble(text)));
                } else if (Character.isLetter(ch) || ch == '_') {
                    int start = i;
                    while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    out.add(new Token(Kind.NAME, s.substring(start, i), column, 0));
                } else {
                    String two = i + 1 < n ? s.substring(i, i + 2) : "";
                    switch (two) {
                        case "**", "<=", ">=", "==", "!=" -> {
                            out.add(new Token(Kind.SYMBOL, two, column, 0));
                            i += 2;
                            continue;
                        }
                        default -> {
                            // a single character symbol, handled below
                        }
                    }
                    if ("+-*/^()<>,".indexOf(ch) >= 0) {
                        out.add(new Token(Kind.SYMBOL, String.valueOf(ch), column, 0));
                        i++;
                    } else if (ch == '=') {
                        throw new ExpressionException("unexpected '=' (write == to compare)", column);
                    } else {
                        throw new ExpressionException("unexpected '" + new String(Character.toChars(s.codePointAt(i))) + "'", column);
                    }
                }
            }
            out.add(new Token(Kind.END, "", n + 1, 0));
            return out;
        }

        private static boolean isDigit(char ch) {
            return ch >= '0' && ch <= '9';
        }
    }
}

package io.visualcircuit.runtime.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every broken file gives exit code 1 and clear FILE:LINE:COLUMN: message lines through the same
 * path as {@code ./vcircuit validate}, never a stack trace.
 */
class BrokenFilesTest {

    @TempDir
    Path temp;

    static Path corpus() throws URISyntaxException {
        return Path.of(BrokenFilesTest.class.getResource("/broken/empty.json").toURI()).getParent();
    }

    static Stream<String> corpusFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void shouldHaveAtLeastTwentyFiveBrokenFiles() throws Exception {
        assertTrue(corpusFiles().count() >= 25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void shouldRejectEveryBrokenFileWithClearLinesAndNoStackTrace(String name) throws Exception {
        assertCleanFailure(corpus().resolve(name));
    }

    /** The first line printed for each file: message fragment, line and column. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty.json               | the file is empty                                            | 1  | 1
            whitespace-only.json     | the file is empty                                            | 1  | 1
            truncated.json           | ends in the middle of the JSON                               | 6  | 10
            not-json.json            | unexpected 'hello'                                           | 1  | 6
            array-root.json          | must be a JSON object, but this one is an array              | 1  | 1
            wrong-format-name.json   | not a VisualCircuit circuit file: "format" is "circuit-maker" | 2  | 13
            missing-format.json      | the "format" field is missing                                | 1  | 1
            version-99.json          | uses circuit format version 99, but this VisualCircuit reads versions up to 1 | 3 | 14
            version-string.json      | "version" must be a whole number, not "1"                    | 3  | 14
            nan.json                 | NaN and Infinity are not allowed                             | 6  | 44
            infinity.json            | NaN and Infinity are not allowed                             | 6  | 84
            number-too-large.json    | block "wave": "x": the number is too large                   | 6  | 41
            integer-too-large.json   | parameter "seed": the number 123456789012345678901234567890 is too large | 6 | 53
            too-many-digits.json     | a number has more than 100 digits                            | 6  | 191
            blocks-not-array.json    | "blocks" must be an array, not an object                     | 5  | 13
            block-missing-id.json    | block 1: the "id" field is missing                           | 6  | 5
            x-is-text.json           | block "wave": "x" must be a number, not "left"               | 6  | 41
            param-object-value.json  | must be a number, a text or true/false, not an object        | 6  | 60
            param-wrong-type.json    | parameter "frequency" must be a number, not the text "fast"  | 6  | 47
            param-out-of-range.json  | parameter "duty" must be from 0 to 1, not 1.5                | 6  | 47
            duplicate-ids.json       | the block id "wave" is used more than once (first at line 6) | 7  | 12
            duplicate-key.json       | the key "format" appears twice                               | 4  | 11
            dangling-wire.json       | there is no block "ghost"                                    | 10 | 14
            wire-into-output.json    | wave.out is an output; a wire must end at an input           | 10 | 32
            wire-bad-reference.json  | "from" must look like "block.port", not "wave"               | 10 | 14
            unknown-type.json        | unknown block type "sinewave"                                | 6  | 28
            incompatible-types.json  | cannot connect a boolean output to an image input            | 10 | 32
            two-wires-one-input.json | the input show.in already has a wire (wire 1 at line 11)     | 12 | 29
            bad-port-type.json       | unknown port type "float"                                    | 6  | 85
            invalid-utf8.json        | not valid UTF-8 text                                         | 5  | 22
            latin1-text.json         | not valid UTF-8 text                                         | 5  | 22
            unterminated-string.json | raw control character                                        | 2  | 28
            single-quotes.json       | unexpected character '''                                     | 2  | 3
            deep-nesting.vc3         | nested more than 64 levels deep                              | 7  | 427
            """)
    void shouldExplainEachBrokenFileAtItsPlace(String name, String fragment, int line, int column) throws Exception {
        Path file = corpus().resolve(name);
        CommandRunner r = CommandRunner.run("validate", file.toString());
        String first = r.out().lines().findFirst().orElseThrow();
        assertEquals(file + ":" + line + ":" + column, first.substring(0, first.indexOf(": ")), first);
        assertTrue(first.contains(fragment), first);
    }

    @Test
    void shouldRefuseATenMegabyteString() throws Exception {
        StringBuilder s = new StringBuilder(11 << 20);
        s.append("{\"format\": \"visualcircuit\", \"version\": 1, \"name\": \"");
        s.append("x".repeat(10 << 20));
        s.append("\", \"blocks\": []}");
        Path file = write("huge-string.json", s.toString());
        String first = assertCleanFailure(file).get(0);
        assertTrue(first.contains("a text value is longer than the limit"), first);
        assertTrue(first.length() < 300, "the message must not echo the string");
    }

    @Test
    void shouldRefuseDeeplyNestedArrays() throws Exception {
        String text = "{\"format\": \"visualcircuit\", \"version\": 1, \"blocks\": " + "[".repeat(100_000)
                + "]".repeat(100_000) + "}";
        String first = assertCleanFailure(write("deep.json", text)).get(0);
        assertTrue(first.contains("nested more than 64 levels"), first);
    }

    @Test
    void shouldRefuseDeeplyNestedObjectsInParameters() throws Exception {
        String text = "{\"format\": \"visualcircuit\", \"version\": 1, \"blocks\": [{\"id\": \"a\", \"type\": \"sine\","
                + " \"params\": " + "{\"k\": ".repeat(5000) + "1" + "}".repeat(5000) + "}]}";
        String first = assertCleanFailure(write("deep-objects.json", text)).get(0);
        assertTrue(first.contains("nested more than"), first);
    }

    @Test
    void shouldReportAMissingFileClearly() {
        Path file = temp.resolve("nowhere.json");
        CommandRunner r = CommandRunner.run("validate", file.toString());
        assertEquals(1, r.exitCode());
        assertEquals(file + ":1:1: no such file", r.out().strip());
    }

    @Test
    void shouldReportADirectoryClearly() {
        CommandRunner r = CommandRunner.run("validate", temp.toString());
        assertEquals(1, r.exitCode());
        assertEquals(temp + ":1:1: this is a directory, not a circuit file", r.out().strip());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Runs validate and checks the output shape; returns the printed lines. */
    private static List<String> assertCleanFailure(Path file) {
        CommandRunner r = CommandRunner.run("validate", file.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertFalse(lines.isEmpty(), "no problem printed for " + file);
        Pattern shape = Pattern.compile("^" + Pattern.quote(file.toString()) + ":\\d+:\\d+: \\S.*$");
        for (String line : lines) {
            assertTrue(shape.matcher(line).matches(), "not FILE:LINE:COLUMN: message: " + line);
        }
        for (String text : List.of(r.out(), r.err())) {
            assertFalse(text.contains("Exception"), text);
            assertFalse(text.contains("at io."), text);
            assertFalse(text.contains("\tat "), text);
        }
        return lines;
    }
}

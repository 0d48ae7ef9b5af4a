package io.visualcircuit.app.live;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracebackLinkTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "  File \"<block twice>\", line 7, in step              | twice | 7",
            "  File \"<twice>\", line 12                              | twice | 12",
            "  File \"/tmp/vc-run-1/blocks/twice.py\", line 3, in main | -     | 3",
    })
    void shouldFindTheCodeBlockLineInATracebackFrame(String text, String block, int line) {
        Matcher m = ConsoleDock.TRACEBACK_FRAME.matcher(text);
        assertTrue(m.find());
        assertEquals("-".equals(block) ? null : block, m.group(1));
        assertEquals(line, Integer.parseInt(m.group(2)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "  File \"/usr/lib/python3.11/json/decoder.py\", line 337, in decode",
            "ZeroDivisionError: division by zero",
    })
    void shouldLeaveLibraryFramesAndOtherLinesAsText(String text) {
        assertFalse(ConsoleDock.TRACEBACK_FRAME.matcher(text).find());
    }
}

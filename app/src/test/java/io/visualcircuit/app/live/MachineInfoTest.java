package io.visualcircuit.app.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineInfoTest {

    @Test
    void shouldTakeTheFirstModelNameOfCpuinfo() {
        String cpuinfo = """
                processor\t: 0
                vendor_id\t: GenuineIntel
                model\t\t: 85
                model name\t: Intel(R) Xeon(R) CPU @ 2.00GHz
                processor\t: 1
                model name\t: Some Other CPU
                """;
        assertEquals("Intel(R) Xeon(R) CPU @ 2.00GHz", MachineInfo.cpuModel(cpuinfo));
    }

    @Test
    void shouldSayUnknownWhenCpuinfoHasNoModelName() {
        assertEquals("unknown", MachineInfo.cpuModel("processor\t: 0\nHardware\t: BCM2835\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MemTotal:        8040204 kB|7.7 GiB",
            "MemTotal:        2097152 kB|2.0 GiB",
            "MemFree:         1000 kB|unknown",
            "MemTotal:        lots kB|unknown"})
    void shouldGiveTotalMemoryInGibibytes(String meminfo, String expected) {
        assertEquals(expected, MachineInfo.memTotal(meminfo + "\nMemAvailable:   1 kB\n"));
    }

    @Test
    void shouldReadTheOneMinuteLoadAverage() {
        assertEquals("3.52", MachineInfo.loadAverage("3.52 7.91 10.36 4/812 12345\n"));
        assertEquals("unknown", MachineInfo.loadAverage(""));
    }

    @Test
    void shouldDescribeTheMachineOnOneLine() {
        String line = MachineInfo.describe();
        assertTrue(line.startsWith("machine: nproc=" + Runtime.getRuntime().availableProcessors() + " cpu=\""), line);
        assertTrue(line.matches("[^\\n]* mem_total=\\S+( GiB)? load_avg=\\S+ javafx=\\S+ glass=\\S+"), line);
    }
}

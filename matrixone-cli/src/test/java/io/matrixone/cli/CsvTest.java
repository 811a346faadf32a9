package io.matrixone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<List<Object>> read(String text) {
        List<List<Object>> rows = new ArrayList<>();
        Iterator<List<Object>> it = Csv.read(new BufferedReader(new StringReader(text)), ',');
        it.forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void readsQuotesDoubledQuotesNullsAndLineEnds() {
        assertThat(read("1,\"a, b\",\"say \"\"hi\"\"\"\r\n2,\\N,\"\\N\"\n\n3,,\"line\nbreak\"")).containsExactly(
                List.of("1", "a, b", "say \"hi\""),
                Arrays.asList("2", null, "\\N"),
                List.of("3", "", "line\nbreak"));
        assertThat(read("")).isEmpty();
        assertThatThrownBy(() -> read("1,\"open")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void writesWhatItReads() {
        List<Object> values = Arrays.asList(1, "a,b", "q\"q", null, "\\N", "x\ny");
        String line = Csv.line(values, ',');
        assertThat(line).isEqualTo("1,\"a,b\",\"q\"\"q\",\\N,\"\\N\",\"x\ny\"\n");
        assertThat(read(line)).containsExactly(Arrays.asList("1", "a,b", "q\"q", null, "\\N", "x\ny"));
    }
}

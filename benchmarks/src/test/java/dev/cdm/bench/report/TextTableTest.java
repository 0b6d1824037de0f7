package dev.cdm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void render_rightAlignsNumberColumnsAndTheirHeaders_andLeftAlignsText() {
        String text = new TextTable("Title", "name", "rate")
                .row("a", "1,000")
                .row("long name", "5.5 MiB")
                .render();

        assertThat(text).isEqualTo("""
                Title
                name          rate
                ---------  -------
                a            1,000
                long name  5.5 MiB
                """);
    }

    @Test
    void row_fails_whenCellCountDiffersFromHeaders() {
        assertThatThrownBy(() -> new TextTable("t", "a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

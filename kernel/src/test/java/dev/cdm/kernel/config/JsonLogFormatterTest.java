package dev.cdm.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    @Test
    void format_writesOneJsonObjectPerLine_withMessageAndException() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Replay of %s took \"%d\" ms",
                ExtLogRecord.FormatStyle.PRINTF, JsonLogFormatterTest.class.getName());
        record.setParameters(new Object[] {"profile-view", 42});
        record.setLoggerName("dev.cdm.test");
        record.setThrown(new IllegalStateException("boom"));

        String line = new JsonLogFormatter().format(record);

        assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARNING");
        assertThat(json.get("logger").asText()).isEqualTo("dev.cdm.test");
        assertThat(json.get("message").asText()).isEqualTo("Replay of profile-view took \"42\" ms");
        assertThat(json.get("exception").asText()).contains("IllegalStateException: boom");
    }
}

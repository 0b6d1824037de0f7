package dev.cdm.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one JSON style of {@code --json}: snake_case keys everywhere. Protobuf messages follow the proto3 JSON
 * mapping with the .proto field names (so int64 values are strings and enums their full proto names), and
 * fields at their default value are printed too, so that keys never come and go.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter().withSeparators(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private static final JsonFormat.Printer PROTO_PRINTER = JsonFormat.printer()
            .preservingProtoFieldNames()
            .alwaysPrintFieldsWithNoPresence();

    private Json() {
    }

    public static JsonNode of(MessageOrBuilder message) {
        try {
            return MAPPER.readTree(PROTO_PRINTER.print(message));
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot print " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static ArrayNode arrayOf(List<? extends MessageOrBuilder> messages) {
        ArrayNode array = MAPPER.createArrayNode();
        messages.forEach(message -> array.add(of(message)));
        return array;
    }

    public static void print(PrintWriter out, MessageOrBuilder message) {
        print(out, (Object) of(message));
    }

    /** Prints a JsonNode or any record/map Jackson can serialize. */
    public static void print(PrintWriter out, Object value) {
        try {
            out.println(WRITER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

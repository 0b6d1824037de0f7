package dev.cdm.kernel.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cdm.kernel.events.CdmEventTypes;
import dev.cdm.kernel.events.EventType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * JSON serializer that stores events under their {@link EventType} name instead of their Java class name, so
 * that classes can move without breaking the stored history. Other types (tokens, metadata) keep class names.
 */
public final class StableTypeSerializer extends JacksonSerializer {

    private StableTypeSerializer(Builder builder) {
        super(builder);
    }

    public static StableTypeSerializer create() {
        ObjectMapper mapper = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new StableTypeSerializer(JacksonSerializer.builder()
                .objectMapper(mapper)
                .classLoader(StableTypeSerializer.class.getClassLoader()));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null && type.isAnnotationPresent(EventType.class)) {
            return new SimpleSerializedType(CdmEventTypes.storedName(type), getRevisionResolver().revisionOf(type));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        Class<?> eventClass = CdmEventTypes.forStoredName(serializedType.getName());
        return eventClass != null ? eventClass.getName() : serializedType.getName();
    }
}

package dev.cdm.kernel.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.PersonalDataSealer;
import dev.cdm.kernel.events.CdmEventTypes;
import dev.cdm.kernel.events.EventType;
import java.util.List;
import org.axonframework.eventhandling.EventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * JSON serializer that stores events under their {@link EventType} name instead of their Java class name, so
 * that classes can move without breaking the stored history. Other types (tokens, metadata) keep class names.
 *
 * <p>Personal data never reaches storage in clear: a {@link PersonalDataSealer} encrypts it with its data subject's
 * key on the way out (events and snapshots alike) and decrypts it on the way in, or leaves it out once erased.
 */
public final class StableTypeSerializer extends JacksonSerializer {

    private final PersonalDataSealer sealer;

    private StableTypeSerializer(Builder builder, DataKeys keys, boolean readsPersonalData) {
        super(builder);
        this.sealer = new PersonalDataSealer(getObjectMapper(), keys, readsPersonalData);
    }

    public static StableTypeSerializer create(DataKeys keys) {
        return create(keys, true);
    }

    /**
     * With {@code readsPersonalData} false, personal values read as absent and no key is ever fetched: for a
     * service that keeps no personal data, so that it cannot see any.
     */
    public static StableTypeSerializer create(DataKeys keys, boolean readsPersonalData) {
        ObjectMapper mapper = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new StableTypeSerializer(JacksonSerializer.builder()
                .objectMapper(mapper)
                .classLoader(StableTypeSerializer.class.getClassLoader()), keys, readsPersonalData);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !sealer.concerns(object.getClass())) {
            return super.serialize(object, expectedRepresentation);
        }
        JsonNode sealed = sealer.seal(getObjectMapper().valueToTree(object), object.getClass());
        return getConverter().convert(new SimpleSerializedObject<>(sealed, JsonNode.class,
                typeForClass(object.getClass())), expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (!sealer.concerns(type)) {
            return super.deserialize(serializedObject);
        }
        JsonNode stored = getConverter().convert(serializedObject, JsonNode.class).getData();
        // a tree handed in (from an upcaster) may be read again: open a copy
        JsonNode tree = JsonNode.class.equals(serializedObject.getContentType()) ? stored.deepCopy() : stored;
        return super.deserialize(new SimpleSerializedObject<>(sealer.open(tree, type), JsonNode.class,
                serializedObject.getType()));
    }

    /**
     * Fetches together the data keys that deserializing these stored events will ask for: one key query for a page
     * of events instead of one per data subject (see {@link DataKeyPrefetchingStorageEngine}).
     */
    public void prefetchKeys(List<? extends EventData<?>> events) {
        sealer.prefetchKeys(events.stream()
                .map(EventData::getPayload)
                .filter(payload -> sealer.concerns(classForType(payload.getType())))
                .map(payload -> getConverter().convert(payload, byte[].class).getData())
                .toList());
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

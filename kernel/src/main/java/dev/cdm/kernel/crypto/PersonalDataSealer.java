package dev.cdm.kernel.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdm.kernel.crypto.DataKeys.SubjectKey;
import dev.cdm.kernel.events.DataSubject;
import dev.cdm.kernel.events.PersonalData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Encrypts the {@link PersonalData} values of a JSON tree with the key of their {@link DataSubject}, and decrypts
 * them again. In each object, the personal values go together into one sealed member
 * <pre>{"country": "RU", "sealed": {"key": "&lt;key id&gt;", "data": "&lt;base64 nonce + AES-GCM ciphertext&gt;"}}</pre>
 * while everything else stays clear (ids, times, amounts, countries), so that analytics survive an erasure. When
 * the key is gone, opening drops the sealed member: the personal values read as absent.
 *
 * <p>Which members are personal, and whose, is read from the Java type (Jackson's view of its properties), once
 * per type. A tree that was stored before sealing existed has no sealed member and opens as it is.
 */
public final class PersonalDataSealer {

    static final String SEALED = "sealed";
    private static final String KEY = "key";
    private static final String DATA = "data";

    private final ObjectMapper mapper;
    private final DataKeys keys;
    private final boolean opens;
    private final Map<JavaType, Shape> shapes = new ConcurrentHashMap<>();

    /**
     * {@code opens} false: a process that holds no personal data (analytics) never decrypts any, it reads every
     * personal value as absent, as if erased, and never asks for a key.
     */
    public PersonalDataSealer(ObjectMapper mapper, DataKeys keys, boolean opens) {
        this.mapper = mapper;
        this.keys = keys;
        this.opens = opens;
    }

    /** Whether values of this type carry personal data anywhere inside; only those need sealing. */
    public boolean concerns(Class<?> type) {
        return shapeOf(mapper.constructType(type)) != Shape.CLEAR;
    }

    public JsonNode seal(JsonNode tree, Class<?> type) {
        walk(tree, shapeOf(mapper.constructType(type)), null, true);
        return tree;
    }

    public JsonNode open(JsonNode tree, Class<?> type) {
        walk(tree, shapeOf(mapper.constructType(type)), null, false);
        return tree;
    }

    /**
     * Fetches in one query the keys that opening these stored trees (JSON as {@link #seal} left them) will ask for,
     * so that reading many events costs one key query rather than one per data subject. The key ids are picked out
     * of the sealed members by a streaming parse, without building trees. A process that never opens fetches none.
     */
    public void prefetchKeys(Collection<byte[]> storedJson) {
        if (!opens || storedJson.isEmpty()) {
            return;
        }
        Set<String> keyIds = new LinkedHashSet<>();
        for (byte[] json : storedJson) {
            collectKeyIds(json, keyIds);
        }
        keys.preload(keyIds);
    }

    private void collectKeyIds(byte[] json, Set<String> keyIds) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && SEALED.equals(parser.currentName())
                        && parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String member = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING && KEY.equals(member)) {
                            keyIds.add(parser.getText());
                        }
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: no key to fetch ahead; deserializing it reports the problem
        }
    }

    private void walk(JsonNode node, Shape shape, String subject, boolean sealing) {
        if (shape == Shape.CLEAR || node == null || node.isNull()) {
            return;
        }
        if (shape.element != null) {
            Iterator<JsonNode> elements = node.isObject() ? node.elements() : node.iterator();
            elements.forEachRemaining(element -> walk(element, shape.element, subject, sealing));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        String scope = shape.subjectMember != null && object.hasNonNull(shape.subjectMember)
                ? DataSubjects.of(object.get(shape.subjectMember)) : subject;
        if (sealing) {
            sealMembers(object, shape, scope);
        } else {
            openMembers(object);
        }
        shape.nested.forEach((member, nested) -> walk(object.get(member), nested, scope, sealing));
    }

    private void sealMembers(ObjectNode object, Shape shape, String subject) {
        ObjectNode personal = mapper.createObjectNode();
        for (String member : shape.personal) {
            JsonNode value = object.remove(member);
            if (value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
                personal.set(member, value);
            }
        }
        if (personal.isEmpty()) {
            return;
        }
        if (subject == null) {
            throw new IllegalStateException("Personal data without a data subject cannot be stored: "
                    + fieldNames(personal));
        }
        SubjectKey key = keys.keyFor(subject);
        ObjectNode sealed = object.putObject(SEALED);
        sealed.put(KEY, key.keyId());
        sealed.put(DATA, Base64.getEncoder().encodeToString(key.encrypt(bytesOf(personal))));
    }

    private void openMembers(ObjectNode object) {
        JsonNode sealed = object.remove(SEALED);
        if (sealed == null || !opens) {
            return;
        }
        String keyId = sealed.path(KEY).asText();
        Optional<SubjectKey> key = keys.key(keyId);
        if (key.isEmpty()) {
            return; // erased: the personal members stay absent
        }
        byte[] plaintext = key.get().decrypt(Base64.getDecoder().decode(sealed.path(DATA).asText()));
        try {
            object.setAll((ObjectNode) mapper.readTree(plaintext));
        } catch (IOException e) {
            throw new UncheckedIOException("Sealed personal data under key " + keyId + " is not JSON", e);
        }
    }

    private byte[] bytesOf(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Shape shapeOf(JavaType type) {
        Shape known = shapes.get(type);
        if (known != null) {
            return known;
        }
        shapes.put(type, Shape.CLEAR); // a type that contains itself is cut off here while it is being read
        Shape shape = readShape(type);
        shapes.put(type, shape);
        return shape;
    }

    private Shape readShape(JavaType type) {
        if (type.isContainerType()) {
            Shape element = shapeOf(type.getContentType());
            return element == Shape.CLEAR ? Shape.CLEAR : new Shape(element);
        }
        if (type.isPrimitive() || type.isEnumType() || type.getRawClass().getName().startsWith("java.")) {
            return Shape.CLEAR;
        }
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        String subjectMember = null;
        List<String> personal = new ArrayList<>();
        Map<String, Shape> nested = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (annotated(property, DataSubject.class)) {
                subjectMember = property.getName();
            } else if (annotated(property, PersonalData.class)) {
                personal.add(property.getName());
            } else {
                Shape inner = shapeOf(property.getPrimaryType());
                if (inner != Shape.CLEAR) {
                    nested.put(property.getName(), inner);
                }
            }
        }
        return personal.isEmpty() && nested.isEmpty() ? Shape.CLEAR : new Shape(subjectMember, personal, nested);
    }

    private static boolean annotated(BeanPropertyDefinition property, Class<? extends Annotation> annotation) {
        return Stream.of(property.getField(), property.getGetter(), property.getSetter(),
                        property.getConstructorParameter())
                .anyMatch(member -> member != null && ((AnnotatedMember) member).hasAnnotation(annotation));
    }

    /** Where personal data sits in values of one type: its own members, or inside members or elements. */
    private static final class Shape {

        static final Shape CLEAR = new Shape(null, List.of(), Map.of());

        final String subjectMember;
        final List<String> personal;
        final Map<String, Shape> nested;
        final Shape element;

        Shape(String subjectMember, List<String> personal, Map<String, Shape> nested) {
            this.subjectMember = subjectMember;
            this.personal = List.copyOf(personal);
            this.nested = Map.copyOf(nested);
            this.element = null;
        }

        Shape(Shape element) {
            this.subjectMember = null;
            this.personal = List.of();
            this.nested = Map.of();
            this.element = element;
        }
    }
}

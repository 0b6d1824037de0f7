package dev.cdm.kernel.security;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Message;
import dev.cdm.proto.v1.PersonalData;
import dev.cdm.proto.v1.PersonalProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks the personal data in a protobuf message for a caller who may not read it in clear. Which fields hold
 * personal data, and of which kind, is declared in the contracts ({@code [(personal) = PERSONAL_DATA_EMAIL]}, see
 * {@code cdm/v1/personal.proto}), so a new field is masked by annotating it, not by code here. The masked value
 * keeps what a support or analytics user needs to tell records apart ({@code i***@mail.ru},
 * {@code +7 *** ***-70-77}) and nothing that identifies the person; an empty value stays empty.
 */
public final class PersonalDataMask {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String STARS = "***";

    /** Per message type: the fields to mask or to descend into; empty when the type holds no personal data. */
    private final Map<Descriptor, List<FieldDescriptor>> plans = new ConcurrentHashMap<>();

    /** {@code message} with every personal field masked; the same instance when it holds none. */
    @SuppressWarnings("unchecked")
    public <M extends Message> M mask(M message) {
        List<FieldDescriptor> plan = planOf(message.getDescriptorForType());
        if (plan.isEmpty()) {
            return message;
        }
        Message.Builder builder = message.toBuilder();
        for (FieldDescriptor field : plan) {
            if (field.isRepeated()) {
                for (int i = 0; i < builder.getRepeatedFieldCount(field); i++) {
                    builder.setRepeatedField(field, i, maskValue(field, builder.getRepeatedField(field, i)));
                }
            } else if (builder.hasField(field) || field.getJavaType() == JavaType.STRING) {
                builder.setField(field, maskValue(field, builder.getField(field)));
            }
        }
        return (M) builder.build();
    }

    private Object maskValue(FieldDescriptor field, Object value) {
        PersonalData kind = kindOf(field);
        if (field.isMapField()) {
            Message entry = (Message) value;
            FieldDescriptor valueField = entry.getDescriptorForType().findFieldByName("value");
            return kind == PersonalData.PERSONAL_DATA_UNSPECIFIED ? mask(entry)
                    : entry.toBuilder().setField(valueField, masked(kind, (String) entry.getField(valueField))).build();
        }
        return value instanceof Message nested ? mask(nested) : masked(kind, (String) value);
    }

    /** The fields of {@code type} (not of its nested messages) that the contracts mark as personal data. */
    public static List<String> personalFields(Descriptor type) {
        return type.getFields().stream().filter(field -> kindOf(field) != PersonalData.PERSONAL_DATA_UNSPECIFIED)
                .map(FieldDescriptor::getName).toList();
    }

    /** One value of {@code kind}, masked. */
    public static String masked(PersonalData kind, String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (kind) {
            case PERSONAL_DATA_NAME -> firstLetter(value) + STARS;
            case PERSONAL_DATA_EMAIL -> maskedEmail(value);
            case PERSONAL_DATA_PHONE -> maskedPhone(value);
            case PERSONAL_DATA_DATE -> "****-**-**";
            case PERSONAL_DATA_IDENTIFIER -> value.length() > 4 ? STARS + value.substring(value.length() - 2) : STARS;
            default -> STARS;
        };
    }

    private static String firstLetter(String value) {
        return value.substring(0, value.offsetByCodePoints(0, 1));
    }

    private static String maskedEmail(String value) {
        int at = value.lastIndexOf('@');
        return at <= 0 ? STARS : firstLetter(value) + STARS + value.substring(at);
    }

    /** The country code and the last four digits stay, in the international format; the other digits go. */
    private static String maskedPhone(String value) {
        String digits = value.replaceAll("\\D", "");
        try {
            String international = PHONES.format(PHONES.parse(value, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
            int countryCodeEnd = international.indexOf(' ');
            if (countryCodeEnd < 0) {
                return STARS;
            }
            StringBuilder masked = new StringBuilder(international);
            int kept = 0;
            for (int i = masked.length() - 1; i > countryCodeEnd; i--) {
                if (Character.isDigit(masked.charAt(i)) && ++kept > 4) {
                    masked.setCharAt(i, '*');
                }
            }
            return masked.toString();
        } catch (NumberParseException notInternational) {
            return digits.length() > 4 ? STARS + digits.substring(digits.length() - 2) : STARS;
        }
    }

    private List<FieldDescriptor> planOf(Descriptor type) {
        List<FieldDescriptor> plan = plans.get(type);
        if (plan == null) {
            plan = List.copyOf(computePlan(type, new HashSet<>()));
            plans.put(type, plan);
        }
        return plan;
    }

    private static List<FieldDescriptor> computePlan(Descriptor type, Set<Descriptor> visiting) {
        List<FieldDescriptor> plan = new ArrayList<>();
        if (!visiting.add(type)) {
            return plan;
        }
        for (FieldDescriptor field : type.getFields()) {
            if (kindOf(field) != PersonalData.PERSONAL_DATA_UNSPECIFIED
                    || field.getJavaType() == JavaType.MESSAGE
                    && !computePlan(field.getMessageType(), visiting).isEmpty()) {
                plan.add(field);
            }
        }
        visiting.remove(type);
        return plan;
    }

    private static PersonalData kindOf(FieldDescriptor field) {
        return field.getOptions().getExtension(PersonalProto.personal);
    }
}

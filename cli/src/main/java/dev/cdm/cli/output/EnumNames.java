package dev.cdm.cli.output;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Proto enum constants by their short lowercase-kebab names: {@code PURPOSE_MARKETING_EMAIL} is
 * {@code marketing-email}. The prefix is the enum's UNSPECIFIED constant without "UNSPECIFIED".
 */
public final class EnumNames {

    private EnumNames() {
    }

    public static <E extends Enum<E> & ProtocolMessageEnum> String kebab(E constant) {
        String name = constant.name();
        String prefix = prefixOf(constant.getDeclaringClass());
        String bare = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        return bare.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E> & ProtocolMessageEnum> Optional<E> parse(Class<E> type, String kebab) {
        return settable(type).stream().filter(constant -> kebab(constant).equals(kebab)).findFirst();
    }

    /** The constants a user may choose: neither UNSPECIFIED nor protobuf's UNRECOGNIZED. */
    public static <E extends Enum<E> & ProtocolMessageEnum> List<E> settable(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> !constant.name().equals("UNRECOGNIZED"))
                .filter(constant -> !constant.name().endsWith("_UNSPECIFIED"))
                .toList();
    }

    public static <E extends Enum<E> & ProtocolMessageEnum> List<String> names(Class<E> type) {
        return settable(type).stream().map(EnumNames::kebab).toList();
    }

    private static <E extends Enum<E>> String prefixOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .filter(name -> name.endsWith("_UNSPECIFIED"))
                .map(name -> name.substring(0, name.length() - "UNSPECIFIED".length()))
                .findFirst()
                .orElse("");
    }
}

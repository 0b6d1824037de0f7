package dev.cdm.cli.command;

import com.google.protobuf.ProtocolMessageEnum;
import dev.cdm.cli.output.EnumNames;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.LegalBasis;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.Regulation;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a proto enum option by its kebab name ({@code marketing-email}); one subclass per enum for picocli. */
abstract class KebabEnumConverter<E extends Enum<E> & ProtocolMessageEnum> implements ITypeConverter<E> {

    private final Class<E> type;

    KebabEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        return EnumNames.parse(type, value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not one of " + EnumNames.names(type)));
    }

    static final class PurposeConverter extends KebabEnumConverter<Purpose> {
        PurposeConverter() {
            super(Purpose.class);
        }
    }

    static final class StatusConverter extends KebabEnumConverter<ConsentStatus> {
        StatusConverter() {
            super(ConsentStatus.class);
        }
    }

    static final class LegalBasisConverter extends KebabEnumConverter<LegalBasis> {
        LegalBasisConverter() {
            super(LegalBasis.class);
        }
    }

    static final class RegulationConverter extends KebabEnumConverter<Regulation> {
        RegulationConverter() {
            super(Regulation.class);
        }
    }

    /** Feeds ${COMPLETION-CANDIDATES} in the help text. */
    static final class Purposes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumNames.names(Purpose.class).iterator();
        }
    }

    static final class Statuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumNames.names(ConsentStatus.class).iterator();
        }
    }

    static final class Regulations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumNames.names(Regulation.class).iterator();
        }
    }

    static final class LegalBases implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumNames.names(LegalBasis.class).iterator();
        }
    }
}

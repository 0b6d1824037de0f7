package dev.cdm.profile.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadMaskTest {

    private static final Profile ADA = Profile.newBuilder().setProfileId("p-1").setVersion(3)
            .setPerson(PersonFields.newBuilder().setFirstName("Ada").setEmail("ada@example.org").setCountry("GB"))
            .addSourceRecords(LinkedSourceRecord.newBuilder()
                    .setPerson(PersonFields.newBuilder().setEmail("ada@example.org")))
            .build();

    @Test
    void noPaths_isEveryField_andLeavesTheProfileAsItIs() {
        ReadMask mask = mask();

        assertThat(mask.answeredParts()).isEmpty();
        assertThat(mask.apply(ADA)).isEqualTo(ADA);
    }

    @Test
    void personPaths_nameTheirFields_otherPathsNone_andTheIdAlwaysStays() {
        ReadMask mask = mask("person.email", "person.country", "version");

        assertThat(mask.answeredParts()).contains(Set.of("email", "country"));
        assertThat(mask.apply(ADA)).isEqualTo(Profile.newBuilder().setProfileId("p-1").setVersion(3)
                .setPerson(PersonFields.newBuilder().setEmail("ada@example.org").setCountry("GB")).build());
        assertThat(mask("version").answeredParts()).contains(Set.of());
    }

    @Test
    void theWholePerson_orTheLinkedRecords_holdEveryPersonField_butNotTheActivity() {
        Set<String> everyPersonField = PersonFields.getDescriptor().getFields().stream()
                .map(field -> field.getName()).collect(java.util.stream.Collectors.toSet());

        assertThat(mask("person").answeredParts()).contains(everyPersonField);
        assertThat(mask("source_records", "version").answeredParts()).contains(everyPersonField);
    }

    @Test
    void theActivity_orAPathInIt_isAnsweredAsTheActivity() {
        assertThat(mask("activity").answeredParts()).contains(Set.of("activity"));
        assertThat(mask("activity.traits", "person.email").answeredParts()).contains(Set.of("activity", "email"));
    }

    @Test
    void pathsProfileDoesNotHave_areViolations_byIndex() {
        FieldViolations violations = new FieldViolations();

        ReadMask.of(FieldMask.newBuilder().addPaths("person.email").addPaths("person.ssn").addPaths("")
                .addPaths("source_records.person").build(), "read_mask", violations);

        // a mask reaches no deeper into a repeated field than the field itself
        assertThat(violations.list()).extracting(v -> v.getField())
                .containsExactly("read_mask.paths[1]", "read_mask.paths[2]", "read_mask.paths[3]");
    }

    private static ReadMask mask(String... paths) {
        FieldViolations violations = new FieldViolations();
        ReadMask mask = ReadMask.of(FieldMask.newBuilder().addAllPaths(List.of(paths)).build(), "read_mask",
                violations);
        assertThat(violations.isEmpty()).as(violations.descriptions().toString()).isTrue();
        return mask;
    }
}

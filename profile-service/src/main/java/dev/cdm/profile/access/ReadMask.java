package dev.cdm.profile.access;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields a read asks for: a {@link FieldMask} over {@link Profile} (empty: every field). It trims the answer
 * (the profile id always stays, so each answer says whose it is) and names the person fields it lets through, and
 * the activity when it does, for the policy decision's audit entry.
 */
public final class ReadMask {

    static final int MAX_PATHS = 50;
    private static final ReadMask EVERYTHING = new ReadMask(FieldMask.getDefaultInstance());
    private static final String PROFILE_ID = "profile_id";
    private static final List<String> EVERY_PERSON_FIELD = PersonFields.getDescriptor().getFields().stream()
            .map(FieldDescriptor::getName).toList();

    private final FieldMask mask;

    private ReadMask(FieldMask mask) {
        this.mask = mask;
    }

    public static ReadMask everything() {
        return EVERYTHING;
    }

    /** {@code mask} of a request's field {@code field}; a path {@link Profile} does not have is a violation. */
    public static ReadMask of(FieldMask mask, String field, FieldViolations violations) {
        if (mask.getPathsCount() == 0) {
            return EVERYTHING;
        }
        if (mask.getPathsCount() > MAX_PATHS) {
            violations.add(field + ".paths", "at most " + MAX_PATHS + " paths");
            return EVERYTHING;
        }
        for (int i = 0; i < mask.getPathsCount(); i++) {
            if (!FieldMaskUtil.isValid(Profile.class, mask.getPaths(i))) {
                violations.add(field + ".paths[" + i + "]", "is not a field of cdm.v1.Profile (e.g. person.email,"
                        + " source_records)");
            }
        }
        return new ReadMask(FieldMaskUtil.normalize(mask));
    }

    /**
     * The parts of the profile a consent may withhold that the answer holds, or empty when it holds the whole
     * profile: the unified person and the linked records (each carries its own person fields; a mask cannot reach
     * into a repeated field) hold every person field, {@code person.<field>} that field, and {@code activity} (or a
     * path in it) the {@linkplain ReadPolicy#ACTIVITY activity}.
     */
    public Optional<Set<String>> answeredParts() {
        if (mask.getPathsCount() == 0) {
            return Optional.empty();
        }
        Set<String> parts = new TreeSet<>();
        for (String path : mask.getPathsList()) {
            if (path.equals("person") || path.equals("source_records")) {
                parts.addAll(EVERY_PERSON_FIELD);
            } else if (path.startsWith("person.")) {
                parts.add(path.substring("person.".length()).split("\\.", 2)[0]);
            } else if (path.equals(ReadPolicy.ACTIVITY) || path.startsWith(ReadPolicy.ACTIVITY + ".")) {
                parts.add(ReadPolicy.ACTIVITY);
            }
        }
        return Optional.of(parts);
    }

    /** {@code profile} with only the fields asked for (and its id). */
    public Profile apply(Profile profile) {
        if (mask.getPathsCount() == 0) {
            return profile;
        }
        return FieldMaskUtil.trim(FieldMaskUtil.union(mask, FieldMaskUtil.fromStringList(List.of(PROFILE_ID))),
                profile);
    }
}

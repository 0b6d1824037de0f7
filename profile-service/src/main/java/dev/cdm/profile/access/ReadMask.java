package dev.cdm.profile.access;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.proto.v1.Profile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields a read asks for: a {@link FieldMask} over {@link Profile} (empty: every field). It trims the answer
 * (the profile id always stays, so each answer says whose it is) and names the person fields it lets through, for
 * the policy decision's audit entry.
 */
public final class ReadMask {

    static final int MAX_PATHS = 50;
    private static final ReadMask EVERYTHING = new ReadMask(FieldMask.getDefaultInstance());
    private static final String PROFILE_ID = "profile_id";

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
     * The person fields the answer holds, or empty when it may hold every one: the unified person and the linked
     * records (each carries its own person fields; a mask cannot reach into a repeated field) hold them all,
     * {@code person.<field>} that field.
     */
    public Optional<Set<String>> personFields() {
        if (mask.getPathsCount() == 0) {
            return Optional.empty();
        }
        Set<String> fields = new TreeSet<>();
        for (String path : mask.getPathsList()) {
            if (path.equals("person") || path.equals("source_records")) {
                return Optional.empty();
            }
            if (path.startsWith("person.")) {
                fields.add(path.substring("person.".length()).split("\\.", 2)[0]);
            }
        }
        return Optional.of(fields);
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

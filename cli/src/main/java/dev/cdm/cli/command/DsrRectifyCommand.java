package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.RequestRectificationRequest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "rectify", mixinStandardHelpOptions = true,
        description = {"Corrects a data subject's profile (GDPR Art. 16): the corrected values are recorded as a"
                + " verified record whose values supersede every source's, also values received later.",
                "The correction is applied when the command returns (--wait changes nothing)."})
public final class DsrRectifyCommand extends CliCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DsrSubjectOptions subject;

    @Mixin
    private DsrRegulationOption regulation;

    @Option(names = "--set", required = true, paramLabel = "FIELD=VALUE",
            description = "A corrected value; FIELD is first-name, last-name, email, phone, birth-date, address,"
                    + " country, postal-code, locality, region or ext:TYPE. Repeatable.")
    private Map<String, String> corrections;

    @Option(names = "--wait", description = "Accepted for symmetry with erase: the correction is applied at once.")
    private boolean await;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        RequestRectificationRequest request = RequestRectificationRequest.newBuilder()
                .setSubject(subject.subject())
                .setRequestedBy(subject.requestedBy())
                .setRegulation(regulation.regulation())
                .setCorrections(fields())
                .build();
        DataSubjectRequest result = callRequests(stub -> stub.requestRectification(request));
        if (json) {
            Json.print(out(), result);
        } else {
            DsrText.print(out(), result);
        }
        return 0;
    }

    private PersonFields fields() {
        PersonFields.Builder fields = PersonFields.newBuilder();
        corrections.forEach((name, value) -> {
            String field = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (field.startsWith("ext:") && field.length() > 4) {
                fields.putExternalIds(field.substring(4), value);
                return;
            }
            switch (field) {
                case "first-name" -> fields.setFirstName(value);
                case "last-name" -> fields.setLastName(value);
                case "email" -> fields.setEmail(value);
                case "phone" -> fields.setPhone(value);
                case "birth-date" -> fields.setBirthDate(value);
                case "address" -> fields.setAddress(value);
                case "country" -> fields.setCountry(value);
                case "postal-code" -> fields.setPostalCode(value);
                case "locality" -> fields.setLocality(value);
                case "region" -> fields.setRegion(value);
                default -> throw new ParameterException(spec.commandLine(), "Unknown field '" + name
                        + "' in --set; use first-name, last-name, email, phone, birth-date, address, country,"
                        + " postal-code, locality, region or ext:TYPE");
            }
        });
        return fields.build();
    }
}

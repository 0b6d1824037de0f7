package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Text;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ConsentProof;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.LegalBasis;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.SetConsentRequest;
import dev.cdm.proto.v1.SetConsentResponse;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Records a consent decision of a data subject for a purpose (and optionally a channel).")
public final class ConsentSetCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "Data subject (profile) id.")
    private String subjectId;

    @Option(names = "--purpose", required = true, paramLabel = "PURPOSE",
            converter = KebabEnumConverter.PurposeConverter.class,
            completionCandidates = KebabEnumConverter.Purposes.class, description = "${COMPLETION-CANDIDATES}")
    private Purpose purpose;

    @Option(names = "--status", required = true, paramLabel = "STATUS",
            converter = KebabEnumConverter.StatusConverter.class,
            completionCandidates = KebabEnumConverter.Statuses.class, description = "${COMPLETION-CANDIDATES}")
    private ConsentStatus status;

    @Option(names = "--channel", paramLabel = "C", description = "e.g. email, sms, web; omitted means every channel.")
    private String channel = "";

    @Option(names = "--legal-basis", paramLabel = "BASIS", converter = KebabEnumConverter.LegalBasisConverter.class,
            completionCandidates = KebabEnumConverter.LegalBases.class, description = "${COMPLETION-CANDIDATES}")
    private LegalBasis legalBasis;

    @Option(names = "--proof-source", paramLabel = "SOURCE",
            description = "Where the consent was captured, e.g. web-signup.")
    private String proofSource;

    @Option(names = "--policy-version", paramLabel = "V", description = "Version of the privacy notice shown.")
    private String policyVersion;

    @Option(names = "--capture-method", paramLabel = "METHOD", description = "e.g. checkbox, double-opt-in.")
    private String captureMethod;

    @Option(names = "--text-sha256", paramLabel = "HEX", description = "SHA-256 hex of the notice text shown.")
    private String textSha256;

    @Option(names = "--captured-at", paramLabel = "ISO", description = "When the proof was captured (default: now).")
    private Instant capturedAt;

    @Option(names = "--expires-at", paramLabel = "ISO", description = "e.g. 2027-01-31T00:00:00Z")
    private Instant expiresAt;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        SetConsentRequest.Builder request = SetConsentRequest.newBuilder()
                .setSubjectId(subjectId).setPurpose(purpose).setStatus(status).setChannel(channel);
        if (legalBasis != null) {
            request.setLegalBasis(legalBasis);
        }
        if (proofSource != null || policyVersion != null || captureMethod != null || textSha256 != null) {
            request.setProof(proof());
        }
        if (expiresAt != null) {
            request.setExpiresAt(Text.timestamp(expiresAt));
        }
        SetConsentResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.CONSENT,
                    ch -> ConsentServiceGrpc.newBlockingStub(ch).setConsent(request.build()));
        }
        if (json) {
            Json.print(out(), response);
        } else {
            out().println("Consent of " + ConsentText.subject(response) + ": "
                    + (response.getChanged() ? "recorded" : "unchanged (the same decision was already in force)"));
        }
        return 0;
    }

    private ConsentProof proof() {
        return ConsentProof.newBuilder()
                .setSource(orEmpty(proofSource))
                .setPolicyVersion(orEmpty(policyVersion))
                .setCaptureMethod(orEmpty(captureMethod))
                .setTextSha256(orEmpty(textSha256))
                .setCapturedAt(Text.timestamp(capturedAt != null ? capturedAt : Instant.now()))
                .build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.ErasureCertificate;
import dev.cdm.proto.v1.GetRequestRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "certificate", mixinStandardHelpOptions = true,
        description = "Prints the certificate of a completed erasure: what was erased, where and when, and the hash"
                + " of that evidence. It holds no personal data.")
public final class DsrCertificateCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The request id (dsr-...).")
    private String requestId;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        GetRequestRequest request = GetRequestRequest.newBuilder().setRequestId(requestId).build();
        ErasureCertificate certificate = callRequests(stub -> stub.getErasureCertificate(request));
        if (json) {
            Json.print(out(), certificate);
        } else {
            print(out(), certificate);
        }
        return 0;
    }

    private static void print(PrintWriter out, ErasureCertificate certificate) {
        out.println("Erasure certificate " + certificate.getRequestId());
        out.println("Requested       " + Text.time(certificate.getRequestedAt()) + " by "
                + certificate.getRequestedBy());
        out.println("Profiles        " + String.join(", ", certificate.getProfileIdsList()));
        out.println("Records         " + certificate.getRecordCount());
        out.println("Keys destroyed  " + Text.time(certificate.getKeysDestroyedAt()) + ": "
                + String.join(", ", certificate.getDestroyedKeyIdsList()));
        out.println("Completed       " + Text.time(certificate.getCompletedAt()));
        out.println("Purged by");
        DsrText.acknowledgements(out, certificate.getAcknowledgementsList());
        out.println("Evidence SHA-256 " + certificate.getEvidenceSha256());
    }
}

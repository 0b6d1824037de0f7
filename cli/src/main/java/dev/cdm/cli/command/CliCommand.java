package dev.cdm.cli.command;

import dev.cdm.cli.CdmCommand;
import dev.cdm.cli.auth.SessionFile;
import dev.cdm.cli.auth.SessionTokens;
import dev.cdm.cli.grpc.ServerTrust;
import dev.cdm.cli.grpc.ServiceAddresses;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.platform.Platform;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformSettings;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import io.grpc.Channel;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every leaf command needs: its output streams and the platform or service clients of the data dir. */
abstract class CliCommand {

    @Spec
    CommandSpec spec;

    CdmCommand root() {
        return (CdmCommand) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    ServiceClients clients() {
        ServerTrust trust = trust();
        return new ServiceClients(ServiceAddresses.of(root().dataDir(), root().env()), trust,
                new SessionTokens(SessionFile.in(root().dataDir()), trust, Clock.systemUTC())::accessToken);
    }

    /** How to trust the servers: {@code CDM_TLS_CA_FILE} of the environment, else as the local platform serves. */
    ServerTrust trust() {
        return ServerTrust.from(root().env(), root().dataDir());
    }

    /** One call to profile-service, with the clients' deadline and error mapping. */
    <T> T callProfiles(Function<ProfileServiceGrpc.ProfileServiceBlockingStub, T> call) {
        return callOnce(PlatformService.PROFILE, ProfileServiceGrpc::newBlockingStub, call);
    }

    /** One call to ingestion-service, with the clients' deadline and error mapping. */
    <T> T callIngestion(Function<IngestionServiceGrpc.IngestionServiceBlockingStub, T> call) {
        return callOnce(PlatformService.INGESTION, IngestionServiceGrpc::newBlockingStub, call);
    }

    /** One call to the data-subject requests of consent-service, with the clients' deadline and error mapping. */
    <T> T callRequests(Function<DataSubjectRequestsGrpc.DataSubjectRequestsBlockingStub, T> call) {
        return callOnce(PlatformService.CONSENT, DataSubjectRequestsGrpc::newBlockingStub, call);
    }

    private <S, T> T callOnce(PlatformService service, Function<Channel, S> stub, Function<S, T> call) {
        try (ServiceClients clients = clients()) {
            return clients.call(service, channel -> call.apply(stub.apply(channel)));
        }
    }

    Platform platform(Consumer<String> progress) {
        return new Platform(root().layout(), root().dataDir(), PlatformSettings.fromEnvironment(root().env()),
                progress);
    }
}

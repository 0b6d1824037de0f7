package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.PlatformStateFile;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.testing.SelfSignedCertificate;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a platform elsewhere (no local {@code cdm up}): service addresses from {@code CDM_*_ADDRESS},
 * servers trusted through {@code CDM_TLS_CA_FILE}. A TLS gRPC server and an https token endpoint with a
 * self-signed certificate stand in for the services and Keycloak.
 */
class RemotePlatformTest {

    @TempDir
    static Path certificates;

    @TempDir
    Path data;

    static SelfSignedCertificate certificate;
    static FakeGrpcServer profiles;
    static HttpsServer realm;
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final List<String> grants = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTlsServers() throws Exception {
        certificate = SelfSignedCertificate.create(certificates);
        profiles = FakeGrpcServer.servingTls(certificate, new AuthorizationHeaders(), new OneProfile());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(certificate.keyManagers().getKeyManagers(), null, null);
        realm = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        realm.setHttpsConfigurator(new HttpsConfigurator(tls));
        realm.createContext("/realms/cdm/protocol/openid-connect/token", RemotePlatformTest::grant);
        realm.start();
    }

    @AfterAll
    static void stopTlsServers() throws InterruptedException {
        profiles.close();
        realm.stop(0);
    }

    @Test
    void withTheCaFile_theCliLogsInAndReadsOverTls_refreshingItsTokenThere() {
        CliRunner cli = new CliRunner(data, remote(Map.of("CDM_TLS_CA_FILE", certificate.certificate().toString())));

        Result login = cli.run("login", "--issuer", issuer(), "--user", "officer", "--password", "officer");
        Result read = cli.run("profile", "get", "p-1", "--purpose", "support");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).contains("Logged in as officer at " + issuer());
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).contains("Ada");
        // the token endpoint's first token expires within the CLI's refresh margin: the read refreshed it first
        assertThat(grants).containsSubsequence("password", "refresh_token");
        assertThat(authorizations).last().isEqualTo("Bearer " + token(grants.size()));
    }

    @Test
    void aLocalPlatformUpWithTls_isTrustedByItsCertificate_withoutSettings() {
        PlatformState plaintext = TestStates.write(data, TestStates.unusedPort(),
                Map.of(PlatformService.PROFILE, profiles.port()));
        PlatformStateFile.in(data).write(new PlatformState(plaintext.dataDir(), plaintext.startedAt(),
                plaintext.stores(), plaintext.services(), plaintext.keycloak(), certificate.certificate().toString()));

        Result read = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "support");

        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).contains("Ada");
    }

    @Test
    void withoutTheCaFile_theServiceIsNotTrusted() {
        Result read = new CliRunner(data, remote(Map.of())).run("profile", "get", "p-1", "--purpose", "support");

        assertThat(read.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(read.err()).contains("profile-service is unavailable at localhost:" + profiles.port(),
                "CDM_TLS_CA_FILE must name a CA it chains to");
    }

    @Test
    void withoutTheCaFile_theRealmIsNotTrusted() {
        Result login = new CliRunner(data, remote(Map.of()))
                .run("login", "--issuer", issuer(), "--user", "officer", "--password", "officer");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(login.err()).contains("is not reachable");
        assertThat(data.resolve("auth/session.json")).doesNotExist();
    }

    @Test
    void aMalformedAddress_isAUsageError_thatNamesTheVariable() {
        Result read = new CliRunner(data, Map.of("CDM_PROFILE_SERVICE_ADDRESS", "https://profile.example"))
                .run("profile", "get", "p-1", "--purpose", "support");

        assertThat(read.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(read.err()).contains("CDM_PROFILE_SERVICE_ADDRESS must be host:port");
    }

    @Test
    void aMissingOrCertificateLessCaFile_isAUsageError_thatNamesTheVariable() throws IOException {
        Path notPem = Files.writeString(data.resolve("not.pem"), "not a certificate");

        Result missing = new CliRunner(data, remote(Map.of("CDM_TLS_CA_FILE", data.resolve("absent.pem").toString())))
                .run("profile", "get", "p-1", "--purpose", "support");
        Result garbage = new CliRunner(data, remote(Map.of("CDM_TLS_CA_FILE", notPem.toString())))
                .run("login", "--issuer", issuer(), "--user", "officer", "--password", "officer");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("CDM_TLS_CA_FILE=" + data.resolve("absent.pem"), "no such file");
        assertThat(garbage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(garbage.err()).contains("CDM_TLS_CA_FILE=" + notPem);
    }

    /** The environment of a CLI whose profile-service is the TLS fake, by the name its certificate carries. */
    private static Map<String, String> remote(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("CDM_PROFILE_SERVICE_ADDRESS", "localhost:" + profiles.port());
        return env;
    }

    private static String issuer() {
        return "https://localhost:" + realm.getAddress().getPort() + "/realms/cdm";
    }

    /** The n-th access token the fake realm issued: a JWT-shaped string (the CLI never verifies it). */
    private static String token(int n) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"preferred_username\":\"officer\",\"n\":" + n + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    private static void grant(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String grantType = form.replaceAll(".*grant_type=([a-z_]+).*", "$1");
        grants.add(grantType);
        // 20 s: inside the CLI's 30 s refresh margin, so the next call refreshes
        byte[] body = ("{\"access_token\":\"" + token(grants.size()) + "\",\"expires_in\":20,"
                + "\"refresh_token\":\"refresh-" + grants.size() + "\",\"refresh_expires_in\":1800}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static final class AuthorizationHeaders implements ServerInterceptor {
        private static final Metadata.Key<String> AUTHORIZATION =
                Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

        @Override
        public <Q, S> ServerCall.Listener<Q> interceptCall(ServerCall<Q, S> call, Metadata headers,
                                                           ServerCallHandler<Q, S> next) {
            authorizations.add(String.valueOf(headers.get(AUTHORIZATION)));
            return next.startCall(call, headers);
        }
    }

    private static final class OneProfile extends ProfileServiceGrpc.ProfileServiceImplBase {
        @Override
        public void getProfile(GetProfileRequest request, StreamObserver<Profile> response) {
            response.onNext(Profile.newBuilder().setProfileId(request.getProfileId())
                    .setPerson(PersonFields.newBuilder().setFirstName("Ada").setLastName("Lovelace")).build());
            response.onCompleted();
        }
    }
}

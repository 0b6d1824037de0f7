package dev.cdm.profile.grpc;

import static dev.cdm.profile.grpc.Searches.byName;
import static dev.cdm.profile.grpc.Searches.capitalized;
import static dev.cdm.profile.grpc.Searches.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.Purpose;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.SearchProfilesResponse;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SearchProfiles through the real service: folded prefixes, country, keyset pages, the purpose, merges. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class SearchProfilesGrpcTest {

    @TestHTTPResource
    URL url;

    FakeConsentService consent;

    private GrpcTestChannel channel;
    private ProfileServiceGrpc.ProfileServiceBlockingStub profiles;
    private String tag;

    @BeforeEach
    void connect() {
        channel = GrpcTestChannel.to(url);
        profiles = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
        tag = Searches.latinTag();
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @Test
    void aPrefix_findsTheName_whateverItsCaseAccentsOrScript() {
        String muller = register("Jürgen", "Mül" + tag, "DE");
        String[] cyrillic = Searches.cyrillicTag();
        String yulia = register("Юлия", capitalized(cyrillic[0]), "RU");
        awaitProjections();

        assertThat(ids(profiles.searchProfiles(byName("MUL" + tag).build()))).containsExactly(muller);
        assertThat(ids(profiles.searchProfiles(byName("jurgen mül" + tag.substring(0, 3)).build())))
                .containsExactly(muller);
        assertThat(ids(profiles.searchProfiles(byName(cyrillic[1].substring(0, 8)).build()))).containsExactly(yulia);
        assertThat(profiles.searchProfiles(byName(cyrillic[1]).build()).getProfiles(0).getPerson().getFirstName())
                .isEqualTo("Юлия");
    }

    @Test
    void aCountry_narrowsTheSearch_orSearchesAlone() {
        String inGermany = register("Anna", "Berg" + tag, "DE");
        String inAustria = register("Berit", "Berg" + tag, "AT");
        String inAntarctica = register("Anna", "Ice" + tag, "AQ");
        awaitProjections();

        assertThat(ids(profiles.searchProfiles(byName("berg" + tag).setCountry("at").build())))
                .containsExactly(inAustria);
        assertThat(ids(profiles.searchProfiles(byName("berg" + tag).build())))
                .containsExactlyInAnyOrder(inGermany, inAustria);
        assertThat(ids(profiles.searchProfiles(byName("").setCountry("AQ").setPageSize(100).build())))
                .contains(inAntarctica).doesNotContain(inGermany, inAustria);
    }

    @Test
    void pages_listEveryProfileOnce_inOrder_whileProfilesArrive() {
        List<String> expected = new ArrayList<>();
        for (String given : List.of("Bea", "Cleo", "Dora", "Emil", "Fynn")) {
            expected.add(register(given, "Lund" + tag, "SE"));
        }
        awaitProjections();

        SearchProfilesResponse page = profiles.searchProfiles(byName("lund" + tag).setPageSize(2).build());
        List<String> listed = new ArrayList<>(ids(page));
        register("Ada", "Lund" + tag, "SE");
        expected.add(register("Gus", "Lund" + tag, "SE"));
        awaitProjections();
        int pages = 1;
        while (!page.getNextPageToken().isEmpty()) {
            page = profiles.searchProfiles(byName("lund" + tag).setPageSize(2).setPageToken(page.getNextPageToken())
                    .build());
            listed.addAll(ids(page));
            pages++;
        }

        assertThat(listed).as("no repeats, no gaps, ordered by given name; Ada came before the position")
                .containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aPurposeThatMayNotRead_leavesProfilesOut() {
        String consented = register("Ola", "Dahl" + tag, "NO");
        String notConsented = register("Per", "Dahl" + tag, "NO");
        String restricted = register("Siv", "Dahl" + tag, "NO");
        consent.grant(consented, Purpose.MARKETING_EMAIL);
        consent.restrict(restricted);
        awaitProjections();

        assertThat(ids(profiles.searchProfiles(byName("dahl" + tag).setPurpose(ReadPurpose.READ_PURPOSE_MARKETING)
                .build()))).containsExactly(consented);
        assertThat(ids(profiles.searchProfiles(byName("dahl" + tag).build())))
                .containsExactly(consented, notConsented);
    }

    @Test
    void aMergedAwayProfile_isNotFound_itsSurvivorIs() {
        String email = "m" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String phone = "+49 30 " + (1_000_000 + (int) (Math.random() * 8_000_000));
        PersonFields lena = PersonFields.newBuilder().setFirstName("Lena").setLastName("Krause" + tag)
                .setCountry("DE").build();
        register(lena.toBuilder().setEmail(email).build());
        register(lena.toBuilder().setPhone(phone).build());
        IngestRecordResponse bridge = register(lena.toBuilder().setEmail(email).setPhone(phone).build());
        awaitProjections();

        assertThat(bridge.getMergedProfileIdsList()).hasSize(1);
        assertThat(ids(profiles.searchProfiles(byName("krause" + tag).build())))
                .containsExactly(bridge.getProfileId());
    }

    private String register(String given, String family, String country) {
        return register(PersonFields.newBuilder().setFirstName(given).setLastName(family).setCountry(country)
                .build()).getProfileId();
    }

    private IngestRecordResponse register(PersonFields person) {
        return profiles.registerSourceRecord(ProfileGrpcServiceTest.request("web", UUID.randomUUID().toString(),
                person));
    }

    private void awaitProjections() {
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
    }
}

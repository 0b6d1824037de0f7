package dev.cdm.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformLayoutTest {

    @TempDir
    Path checkout;

    @Test
    void discover_findsTheCheckoutRoot_fromAModuleDirectory() throws Exception {
        Files.writeString(checkout.resolve("mvnw"), "#!/bin/sh");
        Files.createDirectories(checkout.resolve("embedded-stores"));
        Path module = Files.createDirectories(checkout.resolve("system-tests/src"));

        assertThat(PlatformLayout.discover(module).home()).isEqualTo(checkout);
    }

    @Test
    void fromEnvironment_usesCdmHome_whenItIsSet() {
        PlatformLayout layout = PlatformLayout.fromEnvironment(Map.of("CDM_HOME", checkout.toString()));

        assertThat(layout.home()).isEqualTo(checkout);
        assertThat(layout.defaultDataDir()).isEqualTo(checkout.resolve("data"));
        assertThat(layout.serviceJar(PlatformService.CONSENT))
                .isEqualTo(checkout.resolve("consent-service/target/quarkus-app/quarkus-run.jar"));
        assertThat(layout.embeddedStoresJar().getFileName().toString())
                .isEqualTo("embedded-stores-" + PlatformLayout.version() + ".jar");
    }

    @Test
    void missingJars_listsEveryJarThatUpNeeds_whenNothingIsBuilt() {
        assertThat(PlatformLayout.at(checkout).missingJars()).hasSize(6)
                .contains(PlatformLayout.at(checkout).embeddedKeycloakJar());
    }
}

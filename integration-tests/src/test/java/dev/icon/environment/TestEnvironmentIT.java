package dev.icon.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.testing.Prerequisites;
import dev.icon.testing.RepositoryRoot;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What scripts/setup-test-env promises is really there. In CI a missing part fails here by name,
 * before any test that needs it runs into it less clearly.
 */
class TestEnvironmentIT {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"named", "dig", "traceroute", "ip", "busybox", "dot", "node", "npm",
      "docker", "dockerd", "ping", "gcc"})
  void binaryIsInstalled(String binary) {
    assertThat(Prerequisites.requireBinary(binary)).isNotNull();
  }

  @Test
  void dockerEngineAnswers() {
    Prerequisites.requireCommandSucceeds("a Docker engine answering 'docker info'", 30,
        "docker", "info");
  }

  @Test
  void jsInteropPackagesAreInstalled() {
    var js = RepositoryRoot.find().resolve("integration-tests/js-peer");
    Prerequisites.require("npm packages of integration-tests/js-peer (npm ci)",
        () -> Files.isDirectory(js.resolve("node_modules/libp2p")));
    assertThat(js.resolve("node_modules/libp2p/package.json")).isRegularFile();
  }
}

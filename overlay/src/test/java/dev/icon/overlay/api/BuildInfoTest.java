package dev.icon.overlay.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void versionIsTheFilteredProjectVersion() {
    assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void identifyAgentCarriesIt() {
    assertThat(HostConfig.defaults().agentVersion()).isEqualTo("icon/" + BuildInfo.version());
  }
}

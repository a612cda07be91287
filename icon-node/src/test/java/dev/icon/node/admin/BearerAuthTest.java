package dev.icon.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthTest {

  private static final String TOKEN = "s3cret-token-0123456789";
  private final BearerAuth auth = new BearerAuth(Optional.of(TOKEN));

  @Test
  void theRightTokenPasses() {
    assertThat(auth.allows("Bearer " + TOKEN)).isTrue();
    assertThat(auth.allows("bearer " + TOKEN)).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer s3cret-token-012345678",
      "Bearer s3cret-token-01234567890", "Basic " + TOKEN, TOKEN, "Bearer S3CRET-TOKEN-0123456789"})
  void anythingElseIsRefused(String header) {
    assertThat(auth.allows(header)).isFalse();
  }

  @Test
  void withoutATokenEveryRequestPasses() {
    BearerAuth open = new BearerAuth(Optional.empty());
    assertThat(open.allows(null)).isTrue();
    assertThat(open.allows("Bearer whatever")).isTrue();
  }
}

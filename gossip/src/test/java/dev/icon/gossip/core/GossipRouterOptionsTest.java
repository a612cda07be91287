package dev.icon.gossip.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link GossipRouterOptions}: defaults, copies and the checks naming the field at fault. */
class GossipRouterOptionsTest {
  private final GossipRouterOptions base = GossipRouterOptions.unscored(GossipConfig.forTests(),
      () -> 0, new SplittableRandom(1));

  @Test
  void theSixArgumentConstructorKeepsItsMeaningWithDocumentedDefaults() {
    GossipRouterOptions o = new GossipRouterOptions(GossipConfig.forTests(),
        PeerScoreParams.disabled(), PeerScoreThresholds.disabled(),
        StandardMessageIdFunction.FROM_SEQNO, () -> 0, new SplittableRandom(1));
    assertThat(o.signaturePolicy()).isEqualTo(SignaturePolicy.STRICT_SIGN);
    assertThat(o.validationTimeout()).isEqualTo(GossipRouterOptions.DEFAULT_VALIDATION_TIMEOUT);
    assertThat(o.maxPendingValidations())
        .isEqualTo(GossipRouterOptions.DEFAULT_MAX_PENDING_VALIDATIONS);
  }

  @Test
  void copiesKeepTheOtherFields() {
    GossipRouterOptions o = base
        .withSignaturePolicy(SignaturePolicy.STRICT_NO_SIGN, StandardMessageIdFunction.SHA256_DATA)
        .withValidation(Duration.ofSeconds(2), 7)
        .withScoring(PeerScoreParams.disabled(), PeerScoreThresholds.defaults());
    assertThat(o.signaturePolicy()).isEqualTo(SignaturePolicy.STRICT_NO_SIGN);
    assertThat(o.idFunction()).isEqualTo(StandardMessageIdFunction.SHA256_DATA);
    assertThat(o.validationTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.maxPendingValidations()).isEqualTo(7);
    assertThat(o.thresholds()).isEqualTo(PeerScoreThresholds.defaults());
  }

  @Test
  void badValidationLimitsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> base.withValidation(Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("validationTimeout");
    assertThatThrownBy(() -> base.withValidation(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxPendingValidations");
    assertThatThrownBy(() -> base.withSignaturePolicy(null, StandardMessageIdFunction.SHA256_DATA))
        .isInstanceOf(NullPointerException.class).hasMessage("signaturePolicy");
  }
}

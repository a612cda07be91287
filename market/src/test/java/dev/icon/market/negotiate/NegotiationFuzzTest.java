package dev.icon.market.negotiate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random corruptions of each step's frame (flipped bits, overwritten and dropped bytes):
 * a session never throws, never stores a corrupted agreement, and goes on only when the frame it
 * received still means what the honest one meant.
 */
class NegotiationFuzzTest {

  private static byte[] corrupt(byte[] in, Random random) {
    byte[] out = in.clone();
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(3)) {
        case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> out[at] = (byte) random.nextInt(256);
        default -> out = java.util.Arrays.copyOf(out, Math.max(1, at));
      }
    }
    return out;
  }

  /** The corrupted frame, or null when it no longer parses (the codec's business). */
  private static NegotiateFrame parse(byte[] bytes) {
    try {
      return NegotiateFrame.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void corruptedFramesAreRefusedWithAReason(int step) {
    Random random = new Random(1000 + step);
    int checked = 0;
    for (int i = 0; i < 150; i++) {
      Fixture f = new Fixture(i);
      ConsumerSession c = f.consumer();
      ProviderSession p = f.provider();
      NegotiateFrame request = c.open().orElseThrow();
      NegotiateFrame honest = request;
      NegotiationSession target = p;
      if (step >= 1) {
        NegotiateFrame offer = p.onFrame(request).reply();
        honest = offer;
        target = c;
        if (step == 2) {
          honest = c.onFrame(offer).reply();
          target = p;
        }
      }
      NegotiateFrame bad = parse(corrupt(honest.toByteArray(), random));
      if (bad == null) {
        continue;
      }
      checked++;
      NegotiationSession.Step result = target.onFrame(bad);
      if (bad.equals(honest)) {
        continue; // the corruption hit nothing that parses differently
      }
      boolean sameMeaning = bad.getBodyCase() == honest.getBodyCase() && sameSigned(bad, honest);
      if (!sameMeaning || target.failure().isPresent()) {
        assertThat(target.failure()).as("corrupted %s accepted", bad).isPresent();
        assertThat(result.done()).isTrue();
        assertThat(target.agreement()).isEmpty();
        assertThat(f.providerStore.size() + f.consumerStore.size()).isZero();
      }
    }
    assertThat(checked).isGreaterThan(30);
  }

  /** True when both frames carry the same signed bytes and signatures (unknown fields aside). */
  private static boolean sameSigned(NegotiateFrame a, NegotiateFrame b) {
    return switch (a.getBodyCase()) {
      case REQUEST -> a.getRequest().getTerms().equals(b.getRequest().getTerms())
          && a.getRequest().getSignature().equals(b.getRequest().getSignature());
      case OFFER -> a.getOffer().getTerms().equals(b.getOffer().getTerms())
          && a.getOffer().getProviderSignature().equals(b.getOffer().getProviderSignature());
      case ACCEPT -> a.getAccept().getAgreementId().equals(b.getAccept().getAgreementId())
          && a.getAccept().getConsumerSignature().equals(b.getAccept().getConsumerSignature());
      default -> false;
    };
  }
}

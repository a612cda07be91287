package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.spi.Role;
import dev.icon.overlay.spi.SecureSession;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz harness for the handshake handler: arbitrary inbound bytes either leave the handshake
 * waiting for more or close the connection with a NoiseException; nothing ever escapes to the
 * pipeline and nothing leaks (seeded, so failures reproduce).
 */
class NoiseHandshakeFuzzTest {

  private static final PrivateKey KEY = PrivateKey.generateEd25519();
  private static final NoiseSecureChannel NOISE = new NoiseSecureChannel(KEY, NoiseConfig.forTests());
  private static final AtomicInteger CLOSED = new AtomicInteger();

  /** The harness must actually reach the failure paths, not only wait for more bytes. */
  @AfterAll
  static void someInputsClosedTheConnection() {
    assertThat(CLOSED.get()).isGreaterThan(30);
  }

  static Stream<byte[][]> arbitraryInputs() {
    Random r = new Random(23);
    return IntStream.range(0, 250).mapToObj(n -> {
      byte[][] reads = new byte[1 + r.nextInt(3)][];
      for (int i = 0; i < reads.length; i++) {
        int len = r.nextInt(n % 8 == 0 ? 3000 : 150);
        reads[i] = new byte[len];
        r.nextBytes(reads[i]);
        if (n % 2 == 0 && len >= 2) { // a consistent frame header half of the time
          reads[i][0] = (byte) ((len - 2) >>> 8);
          reads[i][1] = (byte) (len - 2);
        }
      }
      return reads;
    });
  }

  @ParameterizedTest
  @MethodSource("arbitraryInputs")
  void responderSurvivesArbitraryInput(byte[][] reads) {
    check(Role.RESPONDER, reads);
  }

  @ParameterizedTest
  @MethodSource("arbitraryInputs")
  void initiatorSurvivesArbitraryInput(byte[][] reads) {
    check(Role.INITIATOR, reads);
  }

  @Test
  void oversizedLengthPrefixWaitsThenClosesOnTimeoutOrEof() {
    EmbeddedChannel ch = new EmbeddedChannel();
    CompletableFuture<SecureSession> f = NOISE.secure(ch, Role.RESPONDER, Optional.empty(), List.of());
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2, 3}));
    assertThat(f).isNotDone();
    ch.close();
    assertThat(f).isCompletedExceptionally();
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  private static void check(Role role, byte[][] reads) {
    EmbeddedChannel ch = new EmbeddedChannel();
    CompletableFuture<SecureSession> f = NOISE.secure(ch, role, Optional.empty(), List.of("/yamux/1.0.0"));
    for (byte[] read : reads) {
      if (!ch.isOpen()) {
        break;
      }
      ch.writeInbound(Unpooled.wrappedBuffer(read)); // would rethrow anything reaching the tail
    }
    ch.runPendingTasks();
    if (ch.isOpen()) {
      assertThat(f).isNotDone();
    } else {
      CLOSED.incrementAndGet();
      assertThat(f).isCompletedExceptionally();
      assertThat(f.handle((v, e) -> e).join()).isInstanceOf(NoiseException.class);
    }
    assertThat(ch.<Object>readInbound()).isNull();
    ch.finishAndReleaseAll();
  }
}

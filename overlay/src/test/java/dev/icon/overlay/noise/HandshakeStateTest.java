package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.spi.Role;
import java.security.SecureRandom;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** HandshakeState between two in-memory parties, and its reaction to arbitrary bytes. */
class HandshakeStateTest {

  private final SecureRandom random = seeded(7);

  @Test
  void twoPartiesDeriveMatchingCipherStates() {
    X25519KeyPair is = X25519.generate(random);
    X25519KeyPair rs = X25519.generate(random);
    HandshakeState i = new HandshakeState(Role.INITIATOR, is, () -> X25519.generate(random), new byte[0]);
    HandshakeState r = new HandshakeState(Role.RESPONDER, rs, () -> X25519.generate(random), new byte[0]);
    assertThat(i.isMyTurn()).isTrue();
    assertThat(r.isMyTurn()).isFalse();

    byte[] m1 = i.writeMessage(new byte[0]);
    assertThat(m1).hasSize(32);
    r.readMessage(m1);
    byte[] m2 = r.writeMessage(new byte[] {1, 2, 3});
    assertThat(m2).hasSize(32 + 48 + 3 + 16);
    assertThat(i.readMessage(m2)).containsExactly(1, 2, 3);
    byte[] m3 = i.writeMessage(new byte[] {4});
    assertThat(m3).hasSize(48 + 1 + 16);
    assertThat(r.readMessage(m3)).containsExactly(4);

    assertThat(i.handshakeHash()).isEqualTo(r.handshakeHash());
    assertThat(i.remoteStatic()).isEqualTo(rs.publicKey());
    assertThat(r.remoteStatic()).isEqualTo(is.publicKey());
    HandshakeState.TransportCiphers ic = i.split();
    HandshakeState.TransportCiphers rc = r.split();
    byte[] ct = ic.sender().encryptWithAd(new byte[0], new byte[] {42});
    assertThat(rc.receiver().decryptWithAd(new byte[0], ct)).containsExactly(42);
    ct = rc.sender().encryptWithAd(new byte[0], new byte[] {43});
    assertThat(ic.receiver().decryptWithAd(new byte[0], ct)).containsExactly(43);
  }

  @Test
  void outOfTurnCallsAreRejected() {
    HandshakeState r = new HandshakeState(Role.RESPONDER, X25519.generate(random), () -> X25519.generate(random), new byte[0]);
    assertThatThrownBy(() -> r.writeMessage(new byte[0])).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(r::split).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void lowOrderEphemeralIsRejected() {
    HandshakeState i = new HandshakeState(Role.INITIATOR, X25519.generate(random), () -> X25519.generate(random), new byte[0]);
    i.writeMessage(new byte[0]);
    byte[] m2 = new byte[32 + 48 + 16]; // remote ephemeral = 0, a low-order point
    assertThatThrownBy(() -> i.readMessage(m2))
        .isInstanceOfSatisfying(NoiseException.class, e -> assertThat(e.error()).isEqualTo(NoiseError.INVALID_KEY));
  }

  static Stream<byte[]> arbitraryMessages() {
    Random r = new Random(99);
    return IntStream.range(0, 400).mapToObj(n -> {
      byte[] b = new byte[r.nextInt(n % 10 == 0 ? 2000 : 200)];
      r.nextBytes(b);
      return b;
    });
  }

  /** Fuzz: arbitrary bytes as message 2 or 3 end in a NoiseException, nothing else. */
  @ParameterizedTest
  @MethodSource("arbitraryMessages")
  void arbitraryBytesAsHandshakeMessagesFailWithNoiseException(byte[] garbage) {
    HandshakeState i = new HandshakeState(Role.INITIATOR, X25519.generate(random), () -> X25519.generate(random), new byte[0]);
    HandshakeState r = new HandshakeState(Role.RESPONDER, X25519.generate(random), () -> X25519.generate(random), new byte[0]);
    r.readMessage(i.writeMessage(new byte[0]));
    r.writeMessage(new byte[0]);
    assertThatThrownBy(() -> i.readMessage(garbage)).isInstanceOf(NoiseException.class);
    assertThatThrownBy(() -> r.readMessage(garbage)).isInstanceOf(NoiseException.class);
  }

  static SecureRandom seeded(long seed) {
    Random r = new Random(seed);
    return new SecureRandom() {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] bytes) {
        r.nextBytes(bytes);
      }
    };
  }
}

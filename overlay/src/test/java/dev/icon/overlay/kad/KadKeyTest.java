package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link KadKey}: hashing, XOR distance, common prefix length and ordering. */
class KadKeyTest {

  private static KadKey hex(String prefixHex) {
    byte[] digest = new byte[32];
    byte[] prefix = HexFormat.of().parseHex(prefixHex);
    System.arraycopy(prefix, 0, digest, 0, prefix.length);
    return KadKey.fromDigest(digest);
  }

  @Test
  void keyIsSha256OfTheKeyBytes() {
    // sha256("abc"), FIPS 180-2 test vector.
    assertThat(KadKey.of("abc".getBytes(StandardCharsets.US_ASCII)).toString())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void peerKeyIsSha256OfThePeerIdMultihash() {
    var peer = TestPeers.random(new Random(1));
    assertThat(KadKey.of(peer)).isEqualTo(KadKey.of(peer.toBytes()));
  }

  @ParameterizedTest(name = "cpl({0}, {1}) = {2}")
  @CsvSource({
      "00, 00, 256",
      "00, 80, 0",
      "80, 00, 0",
      "00, 40, 1",
      "00, 01, 7",
      "0000, 0001, 15",
      "ff00, ff80, 8",
      "abcd, abcc, 15",
  })
  void commonPrefixLength(String a, String b, int expected) {
    assertThat(hex(a).commonPrefixLength(hex(b))).isEqualTo(expected);
    assertThat(hex(b).commonPrefixLength(hex(a))).isEqualTo(expected);
  }

  @Test
  void distanceIsXor() {
    assertThat(hex("f0").distance(hex("0f"))[0]).isEqualTo((byte) 0xff);
    assertThat(hex("aa").distance(hex("aa"))).containsOnly(0);
  }

  @RepeatedTest(20)
  void compareDistanceAgreesWithUnsignedXorIntegers(
      org.junit.jupiter.api.RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    KadKey target = KadKey.random(random);
    List<KadKey> keys = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      keys.add(KadKey.random(random));
    }
    keys.add(hex(target.toString().substring(0, 4))); // shares at least 16 bits: very close
    List<KadKey> byComparator = new ArrayList<>(keys);
    byComparator.sort(target.byDistance());
    List<KadKey> byInteger = new ArrayList<>(keys);
    byInteger.sort((a, b) -> new BigInteger(1, target.distance(a))
        .compareTo(new BigInteger(1, target.distance(b))));
    assertThat(byComparator).containsExactlyElementsOf(byInteger);
    assertThat(target.compareDistance(target, keys.get(0))).isNegative();
  }

  @Test
  void fromDigestRejectsWrongLength() {
    assertThatThrownBy(() -> KadKey.fromDigest(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
  }

  @ParameterizedTest(name = "refresh target for cpl {0}")
  @CsvSource({"0", "1", "5", "10", "15"})
  void refreshTargetsFallInTheWantedBucket(int cpl) {
    KadKey self = KadKey.random(new Random(cpl));
    byte[] key = RefreshTargets.keyForBucket(self, cpl, new Random(42));
    assertThat(KadKey.of(key).commonPrefixLength(self)).isEqualTo(cpl);
    assertThat(dev.icon.overlay.identity.PeerId.fromBytes(key)).isNotNull();
  }
}

package dev.icon.overlay.multibase;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Round trips, and the fuzz harness: any text decodes or throws MultibaseException. */
class MultibasePropertiesTest {

  @Property(tries = 1000)
  void base58RoundTrips(@ForAll @Size(max = 64) byte[] bytes) {
    assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
  }

  @Property(tries = 1000)
  void base32RoundTrips(@ForAll @Size(max = 64) byte[] bytes) {
    assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
  }

  @Property(tries = 3000)
  void arbitraryTextDecodesOrThrowsMultibaseException(@ForAll @Size(max = 80) String text) {
    for (Runnable decode : new Runnable[] {
        () -> Base58.decode(text), () -> Base32.decode(text), () -> Multibase.decode(text)}) {
      try {
        decode.run();
      } catch (MultibaseException expected) {
        // the only failure allowed
      }
    }
  }
}

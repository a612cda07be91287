package dev.icon.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ProviderAnnouncementTest {

  @Test
  void roundTrips() {
    ProviderAnnouncement a = new ProviderAnnouncement(List.of("/ip4/10.0.0.1/tcp/4001"), 2000, 512,
        7);
    assertThat(ProviderAnnouncement.decode(a.encode())).contains(a);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "[]", "{}", "{\"addrs\":\"x\"}",
      "{\"addrs\":[\"nonsense\"],\"cpuMillis\":1,\"memoryMib\":1,\"priceMicrosPerUnitHour\":1}",
      "{\"addrs\":[],\"cpuMillis\":-1,\"memoryMib\":1,\"priceMicrosPerUnitHour\":1}",
      "{\"addrs\":[],\"cpuMillis\":1.5,\"memoryMib\":1,\"priceMicrosPerUnitHour\":1}",
      "{\"addrs\":[],\"cpuMillis\":1,\"memoryMib\":1}",
      "{\"addrs\":[],\"cpuMillis\":1e400,\"memoryMib\":1,\"priceMicrosPerUnitHour\":1}"})
  void malformedIsRefused(String text) {
    assertThat(ProviderAnnouncement.decode(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void oversizedAndTooManyAddressesAreRefused() {
    String many = "{\"addrs\":[" + "\"/ip4/1.2.3.4/tcp/1\",".repeat(17)
        + "\"/ip4/1.2.3.4/tcp/1\"],\"cpuMillis\":1,\"memoryMib\":1,\"priceMicrosPerUnitHour\":1}";
    assertThat(ProviderAnnouncement.decode(many.getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(ProviderAnnouncement.decode(new byte[ProviderAnnouncement.MAX_BYTES + 1])).isEmpty();
  }

  @RepeatedTest(200)
  void randomBytesNeverThrow(org.junit.jupiter.api.RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    byte[] data = new byte[random.nextInt(300)];
    random.nextBytes(data);
    ProviderAnnouncement.decode(data); // empty or a valid announcement; never an exception
  }
}

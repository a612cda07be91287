package dev.icon.node.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Config validation and the route's Location rule. */
class IngressConfigTest {

  private static final InetSocketAddress UP = new InetSocketAddress("127.0.0.1", 8080);

  @Test
  void defaultsBindLoopbackOnAFreePort() {
    IngressConfig c = IngressConfig.builder(UP).build();
    assertThat(c.bind()).isEqualTo(new InetSocketAddress("127.0.0.1", 0));
    assertThat(c.name()).isEqualTo("ingress");
    assertThat(c.maxRequestBodyBytes()).isEqualTo(1 << 20);
    assertThat(c.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.redirectExpiry()).isEqualTo(RedirectExpiry.GONE);
    assertThat(c.preferNativeTransport()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"maxInitialLineBytes", "maxHeaderBytes", "maxRequestBodyBytes",
      "maxResponseBodyBytes", "connectTimeout", "responseTimeout", "clientIdleTimeout",
      "upstreamIdleTimeout", "maxUpstreamConnections", "maxPendingAcquires", "ioThreads", "name"})
  void invalidValuesNameTheField(String field) {
    IngressConfig.Builder b = IngressConfig.builder(UP);
    switch (field) {
      case "maxInitialLineBytes" -> b.maxInitialLineBytes(0);
      case "maxHeaderBytes" -> b.maxHeaderBytes(-1);
      case "maxRequestBodyBytes" -> b.maxRequestBodyBytes(0);
      case "maxResponseBodyBytes" -> b.maxResponseBodyBytes(0);
      case "connectTimeout" -> b.connectTimeout(Duration.ZERO);
      case "responseTimeout" -> b.responseTimeout(Duration.ofSeconds(-1));
      case "clientIdleTimeout" -> b.clientIdleTimeout(Duration.ZERO);
      case "upstreamIdleTimeout" -> b.upstreamIdleTimeout(Duration.ZERO);
      case "maxUpstreamConnections" -> b.maxUpstreamConnections(0);
      case "maxPendingAcquires" -> b.maxPendingAcquires(0);
      case "ioThreads" -> b.ioThreads(-1);
      default -> b.name(" ");
    }
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + ":");
  }

  @ParameterizedTest
  @CsvSource({
      "http://b:81, /x?y=1, http://b:81/x?y=1",
      "http://b:81/, /, http://b:81/",
      "https://b/base//, /a/b, https://b/base/a/b",
      "http://b:81/base, http://old:80/p?q=%20, http://b:81/base/p?q=%20",
      "http://b:81, http://old:80, http://b:81/",
  })
  void locationIsTheBaseFollowedByPathAndQuery(String base, String uri, String location) {
    IngressRoute r = new IngressRoute(IngressMode.REDIRECT, UP, URI.create(base), Instant.EPOCH);
    assertThat(r.location(uri)).isEqualTo(location);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://b/", "/relative", "http://b/?q=1", "http://b/#f"})
  void redirectBaseMustBeAnAbsoluteHttpUrlWithoutQuery(String base) {
    assertThatThrownBy(() -> new IngressRoute(IngressMode.REDIRECT, UP, URI.create(base),
        Instant.EPOCH)).hasMessageStartingWith("redirectBase:");
  }

  @Test
  void graceEndTurnsRedirectIntoGone() {
    Instant end = Instant.parse("2026-01-01T00:01:00Z");
    IngressRoute r = new IngressRoute(IngressMode.REDIRECT, UP, URI.create("http://b"), end);
    assertThat(r.modeAt(end.minusMillis(1))).isEqualTo(IngressMode.REDIRECT);
    assertThat(r.modeAt(end)).isEqualTo(IngressMode.GONE);
  }
}

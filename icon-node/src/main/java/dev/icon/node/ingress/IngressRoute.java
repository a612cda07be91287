package dev.icon.node.ingress;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the gateway sends requests, switched as a whole. Immutable.
 *
 * @param mode what to do with a new request
 * @param upstream the service to forward to (kept in every mode, so a switch back to PROXY needs
 *     no address)
 * @param redirectBase base URL of the new place ({@code scheme://host:port[/path]}), null unless
 *     redirecting
 * @param graceUntil when the redirect's grace period ends, null unless redirecting
 */
public record IngressRoute(
    IngressMode mode, InetSocketAddress upstream, URI redirectBase, Instant graceUntil) {

  /** Checks that a redirect has a base and an end, and that the base is absolute HTTP(S). */
  public IngressRoute {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(upstream, "upstream");
    if (mode == IngressMode.REDIRECT || mode == IngressMode.GONE) {
      Objects.requireNonNull(redirectBase, "redirectBase");
      Objects.requireNonNull(graceUntil, "graceUntil");
      String scheme = redirectBase.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
          || redirectBase.getHost() == null) {
        throw new IllegalArgumentException(
            "redirectBase: must be an absolute http(s) URL, was " + redirectBase);
      }
      if (redirectBase.getRawQuery() != null || redirectBase.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "redirectBase: must not have a query or fragment, was " + redirectBase);
      }
    }
  }

  /** The mode at {@code now}: a redirect whose grace period is over is {@link IngressMode#GONE}. */
  public IngressMode modeAt(Instant now) {
    return mode == IngressMode.REDIRECT && !now.isBefore(graceUntil) ? IngressMode.GONE : mode;
  }

  /**
   * The {@code Location} for a request whose target is {@code uri} (origin form, {@code
   * /path?query}; an absolute-form target keeps only its path and query): the base URL with its
   * path (without a trailing slash) followed by the request's path and query.
   */
  public String location(String uri) {
    String pathAndQuery = uri;
    if (!uri.startsWith("/")) {
      URI parsed = URI.create(uri);
      String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty()
          ? "/" : parsed.getRawPath();
      pathAndQuery = parsed.getRawQuery() == null ? path : path + "?" + parsed.getRawQuery();
    }
    String base = redirectBase.toASCIIString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + pathAndQuery;
  }
}

package dev.icon.tomography.traceroute;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what the Linux traceroute (2.x, "modern traceroute") prints on stdout into a {@link
 * TracerouteResult}. Stateless and thread-safe.
 *
 * <p>Handles the header line, timed-out probes ({@code *}), several addresses on one hop (each
 * address precedes its probes), ICMP marks after a time ({@code !H !N !P !S !F-<mtu> !X !V !C
 * !<code>}), IPv6, the {@code name (address)} form printed without {@code -n}, and skips AS-path
 * ({@code [AS..]}) and extension ({@code <MPLS:..>}) annotations. Anything else is rejected with a
 * {@link TracerouteException} ({@link TracerouteError#UNPARSEABLE_OUTPUT}) naming the line.
 */
public final class TracerouteParser {

  /** Output longer than this is rejected before parsing (a real run prints a few kilobytes). */
  public static final int MAX_OUTPUT_CHARS = 1 << 20;

  private static final Pattern HEADER = Pattern.compile(
      "traceroute(?:6)? to (\\S+) \\(([0-9A-Fa-f:.]+)\\), (\\d+) hops max(?:, \\d+ byte packets)?\\s*");
  private static final Pattern HOP = Pattern.compile("\\s*(\\d{1,3})\\s+(.*)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  /** Parses one run's stdout. */
  public TracerouteResult parse(String output) {
    if (output.length() > MAX_OUTPUT_CHARS) {
      throw unparseable(0, "output of " + output.length() + " characters is over the limit of "
          + MAX_OUTPUT_CHARS);
    }
    String[] lines = output.split("\r?\n");
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i == lines.length) {
      throw unparseable(0, "empty output (no header line)");
    }
    Matcher header = HEADER.matcher(lines[i]);
    if (!header.matches()) {
      throw unparseable(i + 1, "expected the header 'traceroute to HOST (ADDRESS), N hops max', got '"
          + abbreviate(lines[i]) + "'");
    }
    InetAddress targetAddress = IpLiteral.parse(header.group(2));
    if (targetAddress == null) {
      throw unparseable(i + 1, "target address '" + header.group(2) + "' is not an IP address");
    }
    int maxHops = Integer.parseInt(header.group(3));
    List<TracerouteHop> hops = new ArrayList<>();
    for (i = i + 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      TracerouteHop hop = parseHop(lines[i], i + 1);
      if (!hops.isEmpty() && hop.ttl() <= hops.get(hops.size() - 1).ttl()) {
        throw unparseable(i + 1, "hop " + hop.ttl() + " does not follow hop "
            + hops.get(hops.size() - 1).ttl());
      }
      hops.add(hop);
    }
    return new TracerouteResult(header.group(1), targetAddress, maxHops, hops);
  }

  private static TracerouteHop parseHop(String line, int lineNo) {
    Matcher m = HOP.matcher(line);
    if (!m.matches()) {
      throw unparseable(lineNo, "expected a hop line 'TTL  ADDRESS  TIME ms ...', got '"
          + abbreviate(line) + "'");
    }
    int ttl = Integer.parseInt(m.group(1));
    if (ttl < 1 || ttl > 255) {
      throw unparseable(lineNo, "hop number " + ttl + " is outside 1..255");
    }
    String[] tokens = m.group(2).trim().split("\\s+");
    List<TracerouteProbe> probes = new ArrayList<>();
    InetAddress address = null;
    String name = null;
    for (int t = 0; t < tokens.length; t++) {
      String token = tokens[t];
      if (token.equals("*")) {
        probes.add(TracerouteProbe.timedOut());
      } else if (token.startsWith("!")) {
        int last = probes.size() - 1;
        if (last < 0 || !probes.get(last).isAnswered() || probes.get(last).mark().isError()) {
          throw unparseable(lineNo, "mark '" + token + "' does not follow an answered probe");
        }
        TracerouteProbe p = probes.get(last);
        probes.set(last, new TracerouteProbe(
            p.address(), p.hostName(), p.rttMillis(), ProbeMark.of(token), token));
      } else if (isAnnotation(token)) {
        continue;
      } else if (NUMBER.matcher(token).matches() && t + 1 < tokens.length
          && tokens[t + 1].equals("ms")) {
        if (address == null) {
          throw unparseable(lineNo, "time '" + token + " ms' before any address");
        }
        probes.add(new TracerouteProbe(address, name, Double.parseDouble(token), ProbeMark.NONE, ""));
        t++;
      } else {
        InetAddress literal = IpLiteral.parse(stripZone(token));
        if (literal != null) {
          address = literal;
          name = null;
        } else if (t + 1 < tokens.length && tokens[t + 1].startsWith("(")
            && tokens[t + 1].endsWith(")")) {
          String inner = tokens[t + 1].substring(1, tokens[t + 1].length() - 1);
          address = IpLiteral.parse(stripZone(inner));
          if (address == null) {
            throw unparseable(lineNo, "'" + abbreviate(inner) + "' is not an IP address");
          }
          name = token;
          t++;
        } else {
          throw unparseable(lineNo, "unexpected '" + abbreviate(token) + "' in '"
              + abbreviate(line) + "'");
        }
      }
    }
    if (probes.isEmpty()) {
      throw unparseable(lineNo, "hop " + ttl + " has no probes");
    }
    return new TracerouteHop(ttl, probes);
  }

  private static boolean isAnnotation(String token) {
    return (token.startsWith("[") && token.endsWith("]"))
        || (token.startsWith("<") && token.endsWith(">"));
  }

  private static String stripZone(String token) {
    int pct = token.indexOf('%');
    return pct < 0 ? token : token.substring(0, pct);
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }

  private static TracerouteException unparseable(int line, String message) {
    String where = line > 0 ? "traceroute output line " + line + ": " : "traceroute output: ";
    return new TracerouteException(TracerouteError.UNPARSEABLE_OUTPUT, where + message);
  }
}

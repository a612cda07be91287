package dev.icon.tomography.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Address;

/**
 * Parses the output of iputils {@code ping -n} (as printed by iputils 20221126) into a {@link
 * ProbeMeasurement}, strictly: the header, reply lines ({@code (DUP!)} ones ignored), {@code From
 * ... } error lines, the statistics block and blank lines; any other line, a reply from another
 * address than the target, or counts that disagree with the reply lines are rejected with {@link
 * ProbeError#UNPARSEABLE_OUTPUT} naming the line. Stateless and thread-safe.
 */
public final class PingParser {

  private static final String ADDR = "([0-9A-Fa-f:.]+)";
  private static final Pattern HEADER = Pattern.compile(
      "PING (\\S+?) ?\\(" + ADDR + "\\) \\d+(?:\\(\\d+\\))? (?:bytes of data\\.|data bytes)");
  private static final Pattern REPLY = Pattern.compile("\\d+ bytes from " + ADDR
      + ": icmp_seq=(\\d+) ttl=\\d+ time=(\\d+(?:\\.\\d+)?) ms( \\(DUP!\\))?");
  private static final Pattern ERROR = Pattern.compile("From " + ADDR + " icmp_seq=\\d+ .+");
  private static final Pattern STATS_HEADER = Pattern.compile("--- (\\S+) ping statistics ---");
  private static final Pattern STATS = Pattern.compile(
      "(\\d+) packets transmitted, (\\d+) received"
          + "(?:, \\+\\d+ (?:duplicates|corrupted|errors))*"
          + ", \\d+(?:\\.\\d+)?% packet loss(?:, time \\d+ms)?");
  private static final Pattern RTT = Pattern.compile(
      "rtt min/avg/max/mdev = [\\d.]+/[\\d.]+/[\\d.]+/[\\d.]+ ms"
          + "(?:, pipe \\d+)?(?:, ipg/ewma [\\d.]+/[\\d.]+ ms)?");
  private static final Pattern PIPE = Pattern.compile("pipe \\d+");

  /**
   * The measurement {@code stdout} shows for {@code target}.
   *
   * @throws ProbeException UNPARSEABLE_OUTPUT naming the first line at fault
   */
  public ProbeMeasurement parse(InetAddress target, String stdout) {
    String[] lines = stdout.split("\n", -1);
    List<Double> samples = new ArrayList<>();
    Set<Integer> seqs = new HashSet<>();
    boolean header = false;
    boolean statsHeader = false;
    int transmitted = -1;
    int received = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int n = i + 1;
      Matcher m;
      if (line.isEmpty()) {
        continue;
      }
      if (!header) {
        m = HEADER.matcher(line);
        if (!m.matches()) {
          throw bad(n, line, "expected the 'PING' header");
        }
        requireTarget(target, m.group(2), n, line);
        header = true;
      } else if (!statsHeader && (m = REPLY.matcher(line)).matches()) {
        requireTarget(target, m.group(1), n, line);
        if (m.group(4) == null && seqs.add(Integer.parseInt(m.group(2)))) {
          samples.add(Double.parseDouble(m.group(3)));
        }
      } else if (!statsHeader && (m = ERROR.matcher(line)).matches()) {
        continue;
      } else if (!statsHeader && (m = STATS_HEADER.matcher(line)).matches()) {
        statsHeader = true;
      } else if (statsHeader && transmitted < 0 && (m = STATS.matcher(line)).matches()) {
        transmitted = Integer.parseInt(m.group(1));
        received = Integer.parseInt(m.group(2));
      } else if (transmitted >= 0 && (RTT.matcher(line).matches() || PIPE.matcher(line).matches())) {
        continue;
      } else {
        throw bad(n, line, "not a line ping -n prints here");
      }
    }
    if (transmitted < 0) {
      throw new ProbeException(ProbeError.UNPARSEABLE_OUTPUT,
          "ping output has no statistics ('N packets transmitted, M received')");
    }
    if (received != samples.size()) {
      throw new ProbeException(ProbeError.UNPARSEABLE_OUTPUT, "ping says " + received
          + " received but printed " + samples.size() + " distinct replies");
    }
    if (received > transmitted) {
      throw new ProbeException(ProbeError.UNPARSEABLE_OUTPUT,
          "ping says " + received + " received of " + transmitted + " transmitted");
    }
    return new ProbeMeasurement(target, transmitted, samples);
  }

  private static void requireTarget(InetAddress target, String text, int n, String line) {
    InetAddress seen;
    try {
      seen = Address.getByAddress(text);
    } catch (UnknownHostException e) {
      throw bad(n, line, "'" + text + "' is not an IP address");
    }
    if (!seen.equals(target)) {
      throw bad(n, line, "names " + seen.getHostAddress() + ", not the target "
          + target.getHostAddress());
    }
  }

  private static ProbeException bad(int n, String line, String why) {
    String shown = line.length() <= 200 ? line : line.substring(0, 197) + "...";
    return new ProbeException(ProbeError.UNPARSEABLE_OUTPUT,
        "ping output line " + n + " (" + why + "): " + shown);
  }
}

package dev.icon.tomography.dns;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * The domains a router's name suggests: every proper suffix with at least two labels, most
 * specific first ({@code r1.fra.isp-a.example.} gives {@code fra.isp-a.example.} and {@code
 * isp-a.example.}). Reverse-map names ({@code .arpa.}) suggest none. Stateless.
 */
public final class CandidateDomains {

  private CandidateDomains() {}

  /** The candidate domains of {@code name} (absolute), most specific first. */
  public static List<Name> of(Name name) {
    if (!name.isAbsolute()) {
      throw new IllegalArgumentException("name must be absolute (end with a dot): " + name);
    }
    int labels = name.labels() - 1; // without the root label
    List<Name> out = new ArrayList<>();
    if (labels >= 1 && name.getLabelString(labels - 1).equalsIgnoreCase("arpa")) {
      return out;
    }
    for (int drop = 1; labels - drop >= 2; drop++) {
      out.add(new Name(name, drop));
    }
    return out;
  }
}

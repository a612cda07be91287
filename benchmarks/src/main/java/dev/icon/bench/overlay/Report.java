package dev.icon.bench.overlay;

import java.util.Map;

/** Prints the measured figures and the ratios the issue sets targets for. */
final class Report {

  private final Map<String, Double> r;
  private final String newest;
  private final String jdk17;

  Report(Map<String, Double> results, String newest, String jdk17) {
    this.r = results;
    this.newest = newest;
    this.jdk17 = jdk17;
  }

  void print() {
    System.out.println();
    System.out.println("## figures");
    r.forEach((k, v) -> System.out.printf("%-52s %10.3f%n", k, v));
    System.out.println();
    System.out.println("## ratios (same run, same machine)");
    String java = "java " + newest;
    for (String dir : new String[] {"upload", "download"}) {
      ratio(java + " / js " + dir + " throughput", java + " " + dir + " gbps", "js " + dir + " gbps",
          ">= 3");
      ratio(java + " / plain TCP " + dir, java + " " + dir + " gbps",
          "ceiling plain TCP (" + newest + ") " + dir + " gbps", ">= 0.5");
      if (jdk17 != null) {
        ratio("java " + jdk17 + " / js " + dir + " throughput", "java " + jdk17 + " " + dir + " gbps",
            "js " + dir + " gbps", "(reported)");
      }
    }
    ratio(java + " / js connect median", java + " connect median ms", "js connect median ms",
        "<= 0.5");
    ratio(java + " / js connect p90", java + " connect p90 ms", "js connect p90 ms", "(reported)");
  }

  private void ratio(String name, String num, String den, String target) {
    Double a = r.get(num);
    Double b = r.get(den);
    if (a == null || b == null || b == 0) {
      return;
    }
    System.out.printf("%-52s %10.2f   target %s%n", name, a / b, target);
  }
}

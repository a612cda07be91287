package dev.icon.node.decide;

import dev.icon.node.decide.NetworkView.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-made world: a cloud and one edge provider per region, a few prefixes per region;
 * edge to own region 5 ms, cloud to everyone 60 ms, edge to another region 150 ms.
 */
final class World {

  static final String CLOUD = "p-cloud";
  static final long PRICE = 1_000_000; // 1 per hour

  final String[] regions;
  final int perRegion;
  final ArrayNetworkView view;

  World(int perRegion, String... regions) {
    this.regions = regions;
    this.perRegion = perRegion;
    List<String> prefixes = new ArrayList<>();
    for (String r : regions) {
      for (int k = 0; k < perRegion; k++) {
        prefixes.add(r + "-" + k);
      }
    }
    List<String> providers = new ArrayList<>();
    providers.add(CLOUD);
    for (String r : regions) {
      providers.add("p-" + r);
    }
    view = new ArrayNetworkView(prefixes, providers);
    for (int p = 0; p < providers.size(); p++) {
      view.provider(p, PRICE, 1_000_000);
      for (int i = 0; i < prefixes.size(); i++) {
        String region = regions[i / perRegion];
        double rtt = p == 0 ? 60 : providers.get(p).equals("p-" + region) ? 5 : 150;
        view.rtt(p, i, rtt);
      }
    }
  }

  int provider(String id) {
    return view.providerIndex(id);
  }

  /** Sets every prefix of {@code region} to {@code rps}. */
  World demand(String region, double rps) {
    for (int r = 0; r < regions.length; r++) {
      if (regions[r].equals(region)) {
        for (int k = 0; k < perRegion; k++) {
          view.demand(r * perRegion + k, rps);
        }
      }
    }
    return this;
  }

  /** Only a root on {@code provider}. */
  World root(String provider) {
    view.tree("root", List.of(new Placement("root", provider(provider), null)));
    return this;
  }
}

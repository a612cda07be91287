package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import dev.icon.overlay.identity.PeerId;
import java.util.ArrayList;
import java.util.List;

/** Records every router event as a short string, e.g. {@code "grafted t <peer>"}. */
final class RecordingListener implements GossipRouterListener {
  final List<String> events = new ArrayList<>();
  final List<double[]> scoreChanges = new ArrayList<>();

  @Override
  public void grafted(String topic, PeerId peer) {
    events.add("grafted " + topic + " " + peer);
  }

  @Override
  public void pruned(String topic, PeerId peer) {
    events.add("pruned " + topic + " " + peer);
  }

  @Override
  public void scoreChanged(PeerId peer, double before, double after) {
    events.add("scoreChanged " + peer);
    scoreChanges.add(new double[] {before, after});
  }

  @Override
  public void peerSubscription(String topic, PeerId peer, boolean subscribed) {
    events.add((subscribed ? "subscribed " : "unsubscribed ") + topic + " " + peer);
  }

  @Override
  public void delivered(String topic, MessageId id, int size, PeerId receivedFrom) {
    events.add("delivered " + topic + " " + size + " " + receivedFrom);
  }

  @Override
  public void duplicate(String topic, PeerId receivedFrom) {
    events.add("duplicate " + topic + " " + receivedFrom);
  }

  @Override
  public void rejected(String topic, PeerId receivedFrom, String reason) {
    events.add("rejected " + topic + " " + receivedFrom + " " + reason);
  }

  @Override
  public void ignored(String topic, PeerId receivedFrom) {
    events.add("ignored " + topic + " " + receivedFrom);
  }

  @Override
  public void published(String topic, MessageId id, int recipients) {
    events.add("published " + topic + " " + recipients);
  }

  /** Events starting with {@code prefix}. */
  List<String> named(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix + " ")).toList();
  }

  void clear() {
    events.clear();
    scoreChanges.clear();
  }
}

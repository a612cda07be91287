package dev.icon.node.decide;

import dev.icon.node.decide.NetworkView.Placement;
import java.util.ArrayList;
import java.util.List;

/** Applies decisions to an {@link ArrayNetworkView}'s tree at once, like the simulator will. */
class ModelActuator implements Actuator {

  final ArrayNetworkView view;
  final List<Decision> moves = new ArrayList<>();
  DecisionLoop loop;
  String stopped;
  int children;

  ModelActuator(ArrayNetworkView view) {
    this.view = view;
  }

  @Override
  public void migrate(Decision d) {
    moves.add(d);
    List<Placement> tree = new ArrayList<>();
    for (Placement p : view.tree()) {
      tree.add(p.iconId().equals(view.selfId())
          ? new Placement(p.iconId(), view.providerIndex(d.provider()), p.parentId()) : p);
    }
    view.tree(view.selfId(), tree);
    loop.completed(true);
  }

  @Override
  public void replicate(Decision d) {
    moves.add(d);
    List<Placement> tree = new ArrayList<>(view.tree());
    tree.add(new Placement("child-" + (++children), view.providerIndex(d.provider()),
        view.selfId()));
    view.tree(view.selfId(), tree);
    loop.completed(true);
  }

  @Override
  public void terminate(Decision d) {
    moves.add(d);
    loop.completed(true);
  }

  @Override
  public void stopSpending(String reason) {
    stopped = reason;
  }
}

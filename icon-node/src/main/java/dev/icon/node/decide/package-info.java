/**
 * An ICON's decision engine and lifecycle: {@link dev.icon.node.decide.DecisionEngine} scores
 * stay / migrate / replicate / terminate against an {@link dev.icon.node.decide.Objective} from a
 * {@link dev.icon.node.decide.NetworkView}; {@link dev.icon.node.decide.DecisionLoop} drives it on
 * an injected clock, moves the {@link dev.icon.node.decide.LifecycleMachine}, splits the {@link
 * dev.icon.node.decide.Budget} and calls an {@link dev.icon.node.decide.Actuator}. No I/O and no
 * threads: the node and the simulator ({@code icon sim}) drive the same code.
 */
package dev.icon.node.decide;

package dev.icon.tomography.map;

/**
 * Told when a {@link TopologyMap} stores a new version of an edge (an own observation or a merge
 * that won). Not told of edges dropped by ageing or the size bound.
 *
 * <p>Threading: called on the thread that changed the map, while it holds the map's lock; it must
 * return quickly and must not call back into the map (record what changed, act elsewhere).
 */
@FunctionalInterface
public interface MapListener {

  /** {@code edge} is now the map's version of its key. */
  void edgeStored(MapEdge edge);
}

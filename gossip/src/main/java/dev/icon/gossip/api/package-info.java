/**
 * What users of gossip program against: {@link dev.icon.gossip.api.PubSub} (subscribe, publish,
 * validators, events), built by {@link dev.icon.gossip.api.GossipBuilder} on an overlay host, and
 * the value types it uses. Everything else in {@code dev.icon.gossip} is implementation.
 */
package dev.icon.gossip.api;

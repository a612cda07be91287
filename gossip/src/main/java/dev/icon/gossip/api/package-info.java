/**
 * What users of gossip program against. For now the value types the router and the wire layer
 * share ({@link dev.icon.gossip.api.MessageId}); the pub/sub API (subscribe, publish, validators,
 * events) arrives with the router.
 */
package dev.icon.gossip.api;

/**
 * The node's configuration: {@link dev.icon.node.config.NodeConfig} and its sections (immutable
 * records; defaults in their {@code defaults()} factories only), read from YAML by {@link
 * dev.icon.node.config.NodeConfigParser}, whose errors ({@link
 * dev.icon.node.config.ConfigException}) name the key path at fault. The commented reference file
 * ({@code reference.yaml}, {@code icon node --print-default-config}) is tested against the
 * defaults, the keys the parser reads, and icon-node/README.md.
 */
package dev.icon.node.config;

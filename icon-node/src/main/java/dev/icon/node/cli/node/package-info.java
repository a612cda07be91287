/** {@code icon node}: runs {@link dev.icon.node.daemon.IconNode} from a YAML config. */
package dev.icon.node.cli.node;

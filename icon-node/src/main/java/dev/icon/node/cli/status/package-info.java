/** {@code icon status}: a running node's {@code /status}, as a table or JSON. */
package dev.icon.node.cli.status;

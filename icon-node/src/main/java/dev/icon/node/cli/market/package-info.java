/** {@code icon market}: the market's command line (clearing a round from a JSON file). */
package dev.icon.node.cli.market;

/**
 * The admin HTTP API ({@code /status}, {@code /metrics}, {@code /health}) on the JDK's HTTP
 * server, loopback by default, bearer token ({@link dev.icon.node.admin.BearerAuth}) required
 * when bound elsewhere. Answers never hold private keys or secrets.
 */
package dev.icon.node.admin;

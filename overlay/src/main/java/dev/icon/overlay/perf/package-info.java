/** Perf ({@code /perf/1.0.0}, off by default): throughput measurement server and client. */
package dev.icon.overlay.perf;

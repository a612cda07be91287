/**
 * {@link dev.icon.node.runtime.ContainerRuntime} of local processes, one per workload, with a
 * state directory per workload that export and restore archive as tar: the embedded default where
 * no Docker engine answers.
 */
package dev.icon.node.runtime.process;

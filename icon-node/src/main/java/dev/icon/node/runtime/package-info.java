/**
 * Container runtimes behind one interface: {@link dev.icon.node.runtime.ContainerRuntime} (import
 * images from tar streams, start workloads with limits, a published port and a health check,
 * stop, export and restore for cold migration), its specs and config, and
 * {@link dev.icon.node.runtime.RuntimeSelector}, which picks Docker
 * ({@code docker.DockerRuntime}) when an engine answers and local processes
 * ({@code process.ProcessRuntime}) otherwise. See the icon-node README, "Runtime".
 */
package dev.icon.node.runtime;

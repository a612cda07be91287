/**
 * {@link dev.icon.node.runtime.ContainerRuntime} on a Docker engine through docker-java, with raw
 * transport requests where docker-java 3.5.3 falls short (image import, container export,
 * archives). Never privileged; labelled so leaked containers can be removed.
 */
package dev.icon.node.runtime.docker;

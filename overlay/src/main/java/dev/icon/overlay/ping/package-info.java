/** Ping ({@code /ipfs/ping/1.0.0}): 32 random bytes echoed; RTT measurement. */
package dev.icon.overlay.ping;

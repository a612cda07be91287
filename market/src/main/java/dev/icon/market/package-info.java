/**
 * ICON's market: negotiation between an ICON and a provider, a truthful double auction on
 * gossip, dual-signed agreements, signed usage receipts and a durable ledger.
 */
package dev.icon.market;

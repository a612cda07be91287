package dev.icon.market.auction;

/** How far a round has got at one peer: commits recorded, reveals that matched their commit. */
public record RoundProgress(long round, int commits, int reveals) {}

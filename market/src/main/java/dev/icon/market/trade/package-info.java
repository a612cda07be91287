/**
 * The glue from a cleared market round to a bilateral agreement: every matched pair of a round
 * on {@code /icon/market/1} is concluded over {@code /icon/negotiate/1.0.0}.
 *
 * <p>Buyer side: {@link dev.icon.market.trade.MatchNegotiator} listens to its participant's
 * matches and, for each trade of its own bids, asks the matched provider for the trade's units at
 * the clearing price (as the maximum price per unit and hour, for {@link
 * dev.icon.market.trade.MatchConfig#term()}), naming the trade in the request's {@code
 * market_trade}. Provider side: {@link dev.icon.market.trade.ClearedTrades} remembers the trades
 * the provider was matched in, and {@link dev.icon.market.trade.ClearedTradePolicy} quotes exactly
 * the clearing price for a request naming one of them by the right bidder and units, once per
 * trade, and declines anything else with a reason.
 *
 * <p>Failures (declines, timeouts, unreachable providers) are retried a bounded number of times
 * and then reported as a {@link dev.icon.market.trade.MatchOutcome}; nothing is thrown into gossip
 * threads.
 */
package dev.icon.market.trade;

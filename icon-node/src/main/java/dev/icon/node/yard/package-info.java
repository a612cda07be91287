/**
 * The provider's container yard: {@link dev.icon.node.yard.AgreementBook} (which agreements are
 * valid here now; the deploy receiver's admission check), {@link dev.icon.node.yard.Capacity}
 * (what is left to host), {@link dev.icon.node.yard.Yard} (start under a valid agreement within
 * capacity, health, stop, expiry, roll back) and {@link dev.icon.node.yard.YardService} (all of
 * it in a node). Refusals carry a {@link dev.icon.node.yard.YardRefusal}.
 */
package dev.icon.node.yard;

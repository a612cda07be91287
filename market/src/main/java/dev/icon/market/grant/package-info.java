/**
 * Budget grants of the ICON tree: a parent ICON signs a grant of part of its budget to a child
 * ({@link dev.icon.market.grant.BudgetGrants}); the child (and the ledger) verify it. Accounting
 * of spending is the ledger's.
 */
package dev.icon.market.grant;

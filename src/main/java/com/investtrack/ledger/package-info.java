/**
 * The bureau's Excel ledger (台账): import in two steps (a preview that writes nothing,
 * then a confirmation that applies every row without errors, all in one transaction),
 * in-flight projects created at their stage, and the export back to Excel in the same
 * columns, so that export then import changes nothing.
 */
package com.investtrack.ledger;

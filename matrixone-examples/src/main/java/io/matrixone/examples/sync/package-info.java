/**
 * Examples of the sync client: quick start, unified transactions, snapshots and time travel, clones, restores,
 * error handling, bulk work, pools and events.
 */
package io.matrixone.examples.sync;

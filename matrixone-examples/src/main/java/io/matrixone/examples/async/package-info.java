/**
 * Examples of the async client.
 */
package io.matrixone.examples.async;

/**
 * Not API: shared by the SDK's modules only, and exported to nobody (see the module descriptor); may change at any
 * time.
 */
package io.matrixone.core.internal;

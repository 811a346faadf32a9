package io.matrixone.core.dialect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one description of a MatrixOne feature's managers: on a statement-family class of the dialect, it says that
 * the methods marked {@link Op} are offered as managers on both clients. The build generates from it (annotation
 * processor in {@code matrixone-codegen}) the manager interfaces of every view, their one-line implementations and
 * the accessors of the clients and transactions, in {@code io.matrixone.core.manager}:
 * <ul>
 *   <li>{@code <Name>Manager}: the sync client's view, each call at once on a pooled connection;</li>
 *   <li>{@code Tx<Name>Manager}: the sync transaction's view, {@code AfterCommit<T>} where MatrixOne refuses the
 *       operation inside a transaction;</li>
 *   <li>{@code Async<Name>Manager}: the async view, shared by the async client and its transactions.</li>
 * </ul>
 * The accessor is the name of this family's method on {@link Dialect}, used on the clients as well.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Managed {

    /** The accessor: the family's method on {@link Dialect} and on the clients, e.g. {@code "snapshots"}. */
    String accessor();

    /** The manager name: {@code "Snapshot"} gives {@code SnapshotManager}, {@code TxSnapshotManager} ... */
    String name();

    /** What the feature is, in one sentence, for the generated interfaces' documentation. */
    String doc();

    /** An operation offered by the managers; its javadoc becomes theirs. */
    @Retention(RetentionPolicy.SOURCE)
    @Target(ElementType.METHOD)
    @interface Op {
        /**
         * Whether it always runs at once inside a transaction (a read MatrixOne allows there, mo_ctl): the sync
         * transaction's view then returns the value itself instead of an {@code AfterCommit} handle.
         */
        boolean now() default false;
    }

    /** A parameter that may be {@code null}; every other reference parameter is checked by the managers. */
    @Retention(RetentionPolicy.SOURCE)
    @Target(ElementType.PARAMETER)
    @interface Nullable {
    }
}

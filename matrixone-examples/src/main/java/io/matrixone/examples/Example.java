package io.matrixone.examples;

/**
 * One runnable scenario: a small program that does something a user of the SDK wants to do and checks, with
 * {@link ExampleContext#check} and {@link ExampleContext#expect}, that it had the effect the user expects.
 *
 * <p>The runner gives every example an empty database of its own ({@link ExampleContext#database()}) and
 * clients connected to it ({@link ExampleContext#client()}), and drops that database afterwards. Everything
 * else an example creates (snapshots, clones, other databases) it removes itself, registering the removal with
 * {@link ExampleContext#onCleanup} as soon as it names the object, so that a failure half-way leaves nothing
 * behind either. The runner checks that: a snapshot or database left over counts as a failure.
 */
public interface Example {

    /** A short kebab-case name, printed in front of every line the example prints: {@code unified-transaction}. */
    String name();

    /** One sentence: what the example shows and which seed scenario it comes from. */
    String description();

    /** Runs the scenario; a failed check throws {@link ExampleFailure}, any other throwable fails it too. */
    void run(ExampleContext ctx) throws Exception;
}

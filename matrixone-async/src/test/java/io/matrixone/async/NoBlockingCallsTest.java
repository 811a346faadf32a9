package io.matrixone.async;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans the compiled classes of {@code matrixone-async} for calls that block a thread or bring JDBC in. The
 * module must stay non-blocking (STYLE §9): a new {@code join()}, {@code Thread.sleep} or {@code java.sql}
 * reference fails the build here, whoever adds it.
 */
class NoBlockingCallsTest {

    /** Owner class → forbidden method names ("*" = any). */
    private static final Map<String, Set<String>> FORBIDDEN_CALLS = Map.ofEntries(
            Map.entry("java/lang/Thread", Set.of("sleep", "join", "onSpinWait")),
            Map.entry("java/lang/Object", Set.of("wait")),
            Map.entry("java/util/concurrent/CompletableFuture", Set.of("join", "get", "supplyAsync", "runAsync")),
            Map.entry("java/util/concurrent/Future", Set.of("get")),
            Map.entry("java/util/concurrent/FutureTask", Set.of("get")),
            Map.entry("java/util/concurrent/CountDownLatch", Set.of("await")),
            Map.entry("java/util/concurrent/CyclicBarrier", Set.of("await")),
            Map.entry("java/util/concurrent/Semaphore", Set.of("acquire", "acquireUninterruptibly")),
            Map.entry("java/util/concurrent/BlockingQueue", Set.of("take", "put")),
            Map.entry("java/util/concurrent/locks/LockSupport", Set.of("*")),
            Map.entry("java/util/concurrent/locks/Lock", Set.of("lock", "lockInterruptibly")),
            Map.entry("java/util/concurrent/locks/Condition", Set.of("*")),
            Map.entry("java/util/concurrent/ExecutorService", Set.of("awaitTermination", "invokeAll", "invokeAny")),
            Map.entry("io/vertx/core/Vertx", Set.of("executeBlocking")),
            Map.entry("io/vertx/core/Context", Set.of("executeBlocking")));

    /**
     * Classes allowed to hand work to a Vert.x worker, and why: nothing of the SDK's own blocks, but a bulk insert
     * reads the caller's rows and calls the caller's progress callback, which may.
     */
    private static final Map<String, String> WORKER_USERS = Map.of(
            "AsyncBulkInsert", "the caller's row iterator and progress callback run on a worker, off the event loop");

    @Test
    void noClassOfTheModuleBlocksOrUsesJdbc() throws Exception {
        Path root = Path.of(AsyncMatrixOneClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(root)) { // target/classes under surefire
            scan(root);
        } else {                       // the packaged jar under failsafe
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                scan(jar.getPath("/"));
            }
        }
    }

    private static void scan(Path root) throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root.resolve("io/matrixone/async"))) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).as("compiled classes of io.matrixone.async").hasSizeGreaterThan(10);
        for (Path file : classes) {
            try (InputStream in = Files.newInputStream(file)) {
                ConstantPool pool = ConstantPool.read(new DataInputStream(in));
                for (String utf8 : pool.utf8) {
                    if (utf8 != null && utf8.contains("java/sql/")) {
                        violations.add(file.getFileName() + " references JDBC: " + utf8);
                    }
                }
                String simpleName = file.getFileName().toString().replaceFirst("(\\$.*)?\\.class$", "");
                for (String[] call : pool.methodRefs()) {
                    if (call[1].equals("executeBlocking") && WORKER_USERS.containsKey(simpleName)) {
                        continue;
                    }
                    Set<String> names = FORBIDDEN_CALLS.get(call[0]);
                    if (names != null && (names.contains("*") || names.contains(call[1]))) {
                        violations.add(file.getFileName() + " calls " + call[0].replace('/', '.') + "." + call[1]);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theScannerSeesForbiddenCalls() throws Exception {
        // guards the guard: this test class itself refers to Thread.sleep, so the scanner must find it
        Path self = Path.of(NoBlockingCallsTest.class.getResource("NoBlockingCallsTest$Sample.class").toURI());
        try (InputStream in = Files.newInputStream(self)) {
            assertThat(ConstantPool.read(new DataInputStream(in)).methodRefs())
                    .anySatisfy(c -> assertThat(c).containsExactly("java/lang/Thread", "sleep"));
        }
    }

    static final class Sample {
        void blocks() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    /** Just enough of the class-file format (JVMS §4.4) to list names and method references. */
    private static final class ConstantPool {
        final String[] utf8;
        final int[][] refs;     // Methodref / InterfaceMethodref: class index, name-and-type index
        final int[] classNames; // Class: name index
        final int[] natNames;   // NameAndType: name index

        private ConstantPool(int n) {
            utf8 = new String[n];
            refs = new int[n][];
            classNames = new int[n];
            natNames = new int[n];
        }

        static ConstantPool read(DataInputStream in) throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int n = in.readUnsignedShort();
            ConstantPool cp = new ConstantPool(n);
            for (int i = 1; i < n; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> cp.utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // takes two slots
                    }
                    case 7 -> cp.classNames[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 10, 11 -> cp.refs[i] = new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
                    case 12 -> {
                        cp.natNames[i] = in.readUnsignedShort();
                        in.readUnsignedShort();
                    }
                    case 9, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            return cp;
        }

        /** {owner, method name} of every method reference. */
        List<String[]> methodRefs() {
            List<String[]> out = new ArrayList<>();
            for (int[] ref : refs) {
                if (ref != null) {
                    out.add(new String[]{utf8[classNames[ref[0]]], utf8[natNames[ref[1]]]});
                }
            }
            return out;
        }
    }
}

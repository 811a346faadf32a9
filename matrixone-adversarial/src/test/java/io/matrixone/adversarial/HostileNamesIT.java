package io.matrixone.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.adversarial.ApiSurface.Target;
import io.matrixone.adversarial.Corpus.Hostile;
import io.matrixone.adversarial.Slots.Slot;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.manager.AsyncManagerAccess;
import io.matrixone.core.manager.ManagerAccess;
import io.matrixone.core.manager.TxManagerAccess;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.emulator.Emulator;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile-name corpus ({@link Corpus}) through every operation of MatrixOne's own features ({@link ApiSurface}),
 * in every argument that carries a name or a literal ({@link Slots}), on the four views that run them: the sync
 * client, a sync transaction, the async client and an async transaction. For each call the emulator's log must show
 * exactly the statements the dialect built for those arguments (a statement changed on the way counts as altered),
 * or nothing at all and an {@link IllegalArgumentException} that names the argument without echoing control
 * characters.
 *
 * <p>The suite runs on an emulator with a MariaDB of its own: it creates and restores snapshots of the whole
 * cluster, which must not reach other test classes' tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileNamesIT {
    private static final String[] KIND_LABELS = {"database", "table", "column", "snapshot", "pitr", "publication",
        "stage", "account", "user", "role"};

    private final Slots slots = new Slots();
    private final Figures figures = new Figures("hostile-names");
    private Emulator mo;
    private MatrixOneClient sync;
    private AsyncMatrixOneClient async;
    private Dialect dialect;

    @BeforeAll
    void start() {
        mo = Emulator.builder().build().start();
        sync = MatrixOneClient.create(Servers.options(mo).maxPoolSize(2).build());
        async = AsyncMatrixOneClient.create(Servers.options(mo).maxPoolSize(4).build());
        dialect = sync.dialect();
        assertThat(Waits.await(async.dialect()).serverVersion()).isEqualTo(dialect.serverVersion());
        sync.execute("CREATE DATABASE IF NOT EXISTS adv_victim");
    }

    @AfterAll
    void stop() {
        try {
            sync.close();
            Waits.await(async.close());
        } finally {
            mo.close();
        }
    }

    /** The four views of an operation: how each runs it with given arguments. */
    private enum View { SYNC_CLIENT, SYNC_TRANSACTION, ASYNC_CLIENT, ASYNC_TRANSACTION }

    /** One case: an operation, the argument that carries the hostile value, and how it is built. */
    private record Case(Target target, int argument, Slot slot, Object[] benign) {
        String describe() {
            Parameter p = target.parameters()[argument];
            return target.name() + " #" + p.getName() + (slot.path().isEmpty() ? "" : " <- " + slot.path());
        }
    }

    private List<Case> cases;

    /** Every case, found once. */
    private synchronized List<Case> cases() {
        if (cases == null) {
            cases = findCases();
        }
        return cases;
    }

    private List<Case> findCases() {
        List<Case> out = new ArrayList<>();
        for (Target t : ApiSurface.targets()) {
            Object family = Slots.invoke(familyAccessor(t), dialect, new Object[0]);
            Object[] benign = slots.benignArguments(t.dialectMethod(), family);
            if (benign == null) {
                figures.note("no benign arguments build " + t.name() + ": not covered");
                continue;
            }
            Parameter[] params = t.parameters();
            for (int i = 0; i < params.length; i++) {
                for (Slot s : slots.slots(params[i].getParameterizedType())) {
                    if (buildsWithBenign(t, family, benign, i, s)) {
                        out.add(new Case(t, i, s, benign));
                    } else {
                        figures.add("slots dropped: the operation refuses them whatever the name");
                    }
                }
            }
        }
        return out;
    }

    /** Whether the operation builds with a benign string in the slot: otherwise a refusal says nothing of the name. */
    private boolean buildsWithBenign(Target t, Object family, Object[] benign, int at, Slot slot) {
        for (Slots.Benign candidate : slots.benign(String.class)) {
            try {
                Object[] args = benign.clone();
                args[at] = slot.build().apply((String) candidate.value());
                Slots.invoke(t.dialectMethod(), family, args);
                return true;
            } catch (RuntimeException e) {
                // the next candidate
            }
        }
        return false;
    }

    @Test
    void everyNameAndLiteralReachesTheServerAsBuiltOrIsRefusedBeforeAnythingIsSent() {
        List<Case> cases = cases();
        List<Target> targets = ApiSurface.targets();
        figures.put("operations", targets.size());
        figures.put("operations through managers", targets.stream().filter(Target::managed).count());
        figures.put("operations taking a name or literal", cases.stream().map(c -> c.target().name()).distinct().count());
        figures.put("argument slots", cases.size());
        figures.put("hostile values", Corpus.all().size());
        Problems problems = new Problems("hostile-names");
        for (Case c : cases) {
            for (Hostile h : Corpus.all()) {
                for (View view : View.values()) {
                    if (!c.target().managed() && (view == View.SYNC_TRANSACTION || view == View.ASYNC_TRANSACTION)) {
                        continue; // run(..) inside a transaction is the same call as on the client
                    }
                    String problem = check(c, h, view, sync, figures);
                    if (problem != null) {
                        problems.add(c.describe(), view + " with " + h + " " + Corpus.printable(h.value()), problem);
                    }
                }
            }
        }
        figures.put("problems", problems.size());
        figures.put("altered statements", figures.get("altered statements"));
        figures.put("hangs", figures.get("hangs"));
        figures.write();
        problems.write();
        assertThat(figures.get("altered statements")).as("statements changed between the SDK and the server").isZero();
        assertThat(figures.get("hangs")).as("calls that never completed").isZero();
        problems.assertNone();
    }

    /**
     * The oracle can fail: with Connector/J's escape processing switched back on (possible only through
     * {@code insecureDriverProperty}), the JDBC-escape names of the corpus reach the server altered, and the same
     * comparison counts them.
     */
    @Test
    void withEscapeProcessingBackOnTheSameComparisonCountsAlteredStatements() {
        Figures f = new Figures("hostile-names-escapes-on");
        List<Hostile> escapes = Corpus.all().stream().filter(h -> h.family().equals("escape")
                || h.family().equals("comment")).toList();
        try (MatrixOneClient escaping = MatrixOneClient.create(Servers.options(mo).maxPoolSize(1)
                .insecureDriverProperty("enableEscapeProcessing", "true").build())) {
            for (Case c : cases()) {
                for (Hostile h : escapes) {
                    check(c, h, View.SYNC_CLIENT, escaping, f);
                }
            }
        }
        f.write();
        assertThat(f.get("altered statements")).as("statements the driver rewrote").isPositive();
    }

    /** One call: null if all is well, else what went wrong. */
    private String check(Case c, Hostile h, View view, MatrixOneClient sync, Figures f) {
        f.add("calls");
        Object[] args = c.benign().clone();
        try {
            args[c.argument()] = c.slot().build().apply(h.value());
        } catch (IllegalArgumentException e) {
            f.add("refused by a spec or model factory");
            return refusalProblem(e, c, List.of(), f);
        } catch (RuntimeException e) {
            return "the spec factory threw " + e;
        }
        Object family = Slots.invoke(familyAccessor(c.target()), dialect, new Object[0]);
        List<Statement> built;
        RuntimeException dialectRefusal = null;
        try {
            built = Wire.built((Operation<?>) Slots.invoke(c.target().dialectMethod(), family, args));
        } catch (RuntimeException e) {
            dialectRefusal = e;
            built = List.of();
        }
        mo.statements().clear();
        Throwable outcome = call(c, view, args, sync, f);
        List<String> received = Wire.received(mo.statements(), true);
        if (dialectRefusal != null) {
            if (outcome == null || outcome.getClass() != dialectRefusal.getClass()) {
                return "the dialect refused with " + dialectRefusal + " but the client " + (outcome == null
                        ? "ran it" : "threw " + outcome);
            }
            f.add("refused by the dialect");
            if (!(dialectRefusal instanceof IllegalArgumentException)) {
                return "refused with " + dialectRefusal.getClass().getSimpleName() + ", not IllegalArgumentException";
            }
            return refusalProblem(outcome, c, received, f);
        }
        if (outcome instanceof IllegalArgumentException e) {
            return "the dialect built " + built.size() + " statement(s) but the client refused: " + e.getMessage();
        }
        if (outcome != null && !(outcome instanceof RuntimeException)) {
            return "failed with " + outcome;
        }
        if (received.isEmpty()) {
            return "nothing reached the server" + (outcome == null ? "" : " (" + outcome + ")");
        }
        if (received.size() > built.size()) {
            return "the server received " + received + ", the SDK built " + sqls(built);
        }
        f.add("accepted calls");
        String problem = null;
        for (int i = 0; i < received.size(); i++) {
            f.add("statements compared");
            if (!Wire.sameStatement(built.get(i), received.get(i))) {
                f.add("altered statements");
                problem = "altered: built " + Corpus.printable(built.get(i).sql()) + " received "
                        + Corpus.printable(received.get(i));
            }
        }
        return problem;
    }

    private static List<String> sqls(List<Statement> built) {
        return built.stream().map(Statement::sql).toList();
    }

    /** A refusal must come before anything is sent, as an IllegalArgumentException naming the argument. */
    private static String refusalProblem(Throwable e, Case c, List<String> received, Figures f) {
        if (!(e instanceof IllegalArgumentException)) {
            return "refused with " + e + ", not IllegalArgumentException";
        }
        if (!received.isEmpty()) {
            return "refused, but the server received " + received;
        }
        String message = String.valueOf(e.getMessage());
        if (!namesTheArgument(message, c)) {
            return "the message does not name the argument: " + Corpus.printable(message);
        }
        if (echoesControlCharacters(message)) {
            return "the message echoes control characters: " + Corpus.printable(message);
        }
        f.add("refusals checked");
        return null;
    }

    /**
     * Whether a message names the argument: one of the words of the parameter's name (or of the spec parameter the
     * value went into), or the kind of name it is ("snapshot", "account" ...).
     */
    private static boolean namesTheArgument(String message, Case c) {
        String lower = message.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(words(c.target().parameters()[c.argument()].getName()));
        String path = c.slot().path();
        int hash = path.lastIndexOf('#');
        if (hash >= 0) {
            words.addAll(words(path.substring(hash + 1).replaceAll("\\[\\d+]", "")));
            String before = path.substring(0, hash);
            int modifier = before.lastIndexOf(").");
            if (modifier >= 0) { // a modifier's own name names its argument: comment(text)
                words.addAll(words(before.substring(modifier + 2)));
            }
        }
        words.addAll(Arrays.asList(KIND_LABELS));
        return words.stream().anyMatch(w -> w.length() >= 3 && lower.contains(w));
    }

    private static List<String> words(String camel) {
        return Arrays.stream(camel.split("(?=[A-Z])")).map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    static boolean echoesControlCharacters(String message) {
        for (int i = 0; i < message.length(); i++) {
            char ch = message.charAt(i);
            int type = Character.getType(ch);
            boolean pairedSurrogate = Character.isHighSurrogate(ch) && i + 1 < message.length()
                    && Character.isLowSurrogate(message.charAt(i + 1));
            if (pairedSurrogate) {
                i++;
                continue;
            }
            if (Character.isISOControl(ch) || Character.isSurrogate(ch) || (type == Character.FORMAT && ch != '\u200D')
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return true;
            }
        }
        return false;
    }

    /** Runs the case on a view; returns its failure or null. */
    private Throwable call(Case c, View view, Object[] args, MatrixOneClient sync, Figures f) {
        Target t = c.target();
        try {
            switch (view) {
                case SYNC_CLIENT -> {
                    if (t.managed()) {
                        Slots.invoke(t.sync(), Slots.invoke(managerAccessor(ManagerAccess.class, t), sync, new Object[0]), args);
                    } else {
                        sync.run(operation(t, args, sync.dialect()));
                    }
                }
                case SYNC_TRANSACTION -> sync.transaction(RetryPolicy.NONE, tx -> {
                    Slots.invoke(t.tx(), Slots.invoke(managerAccessor(TxManagerAccess.class, t), tx, new Object[0]), args);
                    return null;
                });
                case ASYNC_CLIENT -> {
                    CompletionStage<?> stage = t.managed()
                            ? (CompletionStage<?>) Slots.invoke(t.async(),
                                    Slots.invoke(managerAccessor(AsyncManagerAccess.class, t), async, new Object[0]), args)
                            : async.run(operation(t, args, sync.dialect()));
                    Waits.await(stage);
                }
                case ASYNC_TRANSACTION -> Waits.await(async.transaction(RetryPolicy.NONE, tx ->
                        (CompletionStage<?>) Slots.invoke(t.async(),
                                Slots.invoke(managerAccessor(AsyncManagerAccess.class, t), tx, new Object[0]), args)));
                default -> throw new IllegalStateException(view.name());
            }
            return null;
        } catch (Waits.Hang hang) {
            f.add("hangs");
            return hang;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Operation<?> operation(Target t, Object[] args, Dialect dialect) {
        return (Operation<?>) Slots.invoke(t.dialectMethod(), Slots.invoke(familyAccessor(t), dialect, new Object[0]),
                args);
    }

    private static Method familyAccessor(Target t) {
        try {
            return Dialect.class.getMethod(t.accessor());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The accessor of the target's manager on a view's accessor interface ({@code ManagerAccess.snapshots()}). */
    private static Method managerAccessor(Class<?> access, Target t) {
        try {
            return access.getMethod(t.accessor());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}

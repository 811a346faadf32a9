package io.matrixone.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.async.AsyncTransaction;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.Transaction;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.ObjectNotFoundException;
import io.matrixone.core.event.StatementListener;
import io.matrixone.core.manager.AsyncManagerAccess;
import io.matrixone.core.manager.ManagerAccess;
import io.matrixone.core.manager.TxManagerAccess;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.core.tx.AfterCommitStage;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.core.Vertx;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every public method of the public API (the clients, their transactions, every manager of every view, the option
 * builder, the specs and models), given {@code null} for each reference parameter in turn, the other arguments
 * valid: it throws (or, async, fails its stage with) a {@link NullPointerException} or
 * {@link IllegalArgumentException} whose message names the parameter, and nothing reaches the server. The methods
 * are found by reflection, so a new one is covered at once.
 *
 * <p>Some parameters mean something when null ({@code database(null)}: no default database); they are listed in
 * {@link #ACCEPTS_NULL}, each with the reason, and the test fails if that list and what the API does differ.
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NullArgumentsIT {

    /** Parameters documented to accept null, as {@code Type.method(ParamTypes)#parameter}. */
    private static final Set<String> ACCEPTS_NULL = Set.of(
            // "null binds SQL NULL": a null array is no parameters, as for any varargs call with none
            "MatrixOneClient.query(String,Object[])#params", "MatrixOneClient.execute(String,Object[])#params",
            "MatrixOneClient.streamRows(String,Object[])#params", "MatrixOneClient.stream(String,List,Consumer)#params",
            "Transaction.query(String,Object[])#params", "Transaction.execute(String,Object[])#params",
            "Transaction.stream(String,List,Consumer)#params", "Transaction.afterCommit(String,Object[])#params",
            "AsyncMatrixOneClient.query(String,Object[])#params", "AsyncMatrixOneClient.execute(String,Object[])#params",
            "AsyncMatrixOneClient.stream(String,List,Consumer)#params",
            "AsyncMatrixOneClient.collect(String,List,Collector)#params",
            "AsyncTransaction.query(String,Object[])#params", "AsyncTransaction.execute(String,Object[])#params",
            "AsyncTransaction.stream(String,List,Consumer)#params", "AsyncTransaction.collect(String,List,Collector)#params",
            "AsyncTransaction.afterCommit(String,Object[])#params",
            // options that are unset by null (no default database, detect the version, the server's defaults)
            "Builder.database(String)#database", "Builder.serverVersion(String)#version",
            "Builder.account(String)#account", "Builder.role(String)#role",
            "Builder.trustStore(String,String)#password", "Builder.keyStore(String,String)#password",
            // suspendTransaction() answers null outside a transaction: resuming that is nothing to do
            "MatrixOneClient.resumeTransaction(Transaction)#suspended",
            // a predicate: null is no retryable error
            "RetryPolicy.shouldRetry(Throwable,int)#error",
            // not used when the spec names its account already (the benign spec here does)
            "RestoreSpec.withDefaultAccount(String)#defaultAccount",
            // a null database is the session's current one (an unqualified table name), as the javadoc says
            "IndexManager.drop(String,String,String)#database", "IndexManager.dropIfExists(String,String,String)#database",
            "IndexManager.list(String,String)#database",
            "TxIndexManager.drop(String,String,String)#database",
            "TxIndexManager.dropIfExists(String,String,String)#database", "TxIndexManager.list(String,String)#database",
            "AsyncIndexManager.drop(String,String,String)#database",
            "AsyncIndexManager.dropIfExists(String,String,String)#database",
            "AsyncIndexManager.list(String,String)#database", "IndexManager.ivfStats(String,String,String)#database",
            "TxIndexManager.ivfStats(String,String,String)#database",
            "AsyncIndexManager.ivfStats(String,String,String)#database");

    private Emulator mo;
    private Vertx vertx;
    private MatrixOneClient sync;
    private AsyncMatrixOneClient async;
    private Dialect dialect;
    private final Slots slots = new Slots();
    private final Figures figures = new Figures("null-arguments");
    private final Problems problems = new Problems("null-arguments");
    private final Set<String> acceptedNull = new TreeSet<>();

    @BeforeAll
    void start(Emulator emulator) {
        mo = emulator;
        vertx = Vertx.vertx();
        sync = MatrixOneClient.create(Servers.options(mo).maxPoolSize(2).build());
        async = AsyncMatrixOneClient.create(Servers.options(mo).maxPoolSize(4).build(), vertx);
        dialect = sync.dialect();
    }

    @AfterAll
    void stop() {
        sync.close();
        Waits.await(async.close());
        Waits.await(vertx.close().toCompletionStage());
    }

    /** What a method is called on: made fresh per call (a transaction) or shared; released after the call. */
    private interface Receiver {
        Object get();

        default void release(Object receiver) {
        }
    }

    @Test
    void everyReferenceParameterGivenNullIsRefusedByNameAndNothingIsSent() {
        // the clients
        subject(MatrixOneClient.class, () -> sync);
        subject(AsyncMatrixOneClient.class, () -> async);
        subject(Transaction.class, syncTransaction(null));
        subject(AsyncTransaction.class, asyncTransaction(null));
        // every manager of every view, through the accessors
        for (Method accessor : ManagerAccess.class.getMethods()) {
            subject(accessor.getReturnType(), () -> Slots.invoke(accessor, sync, new Object[0]));
        }
        for (Method accessor : TxManagerAccess.class.getMethods()) {
            subject(accessor.getReturnType(), syncTransaction(accessor));
        }
        for (Method accessor : AsyncManagerAccess.class.getMethods()) {
            subject(accessor.getReturnType(), () -> Slots.invoke(accessor, async, new Object[0]));
            subject(accessor.getReturnType(), asyncTransaction(accessor));
        }
        // options, specs and models
        subject(ClientOptions.class, () -> null);
        subject(ClientOptions.Builder.class, () -> Servers.options(mo));
        subject(RetryPolicy.class, () -> RetryPolicy.NONE);
        for (Class<?> type : valueTypes()) {
            List<Slots.Benign> benign = slots.benign(type);
            subject(type, () -> benign.isEmpty() ? null : benign.get(0).value());
        }
        figures.put("problems", problems.size());
        acceptedNull.stream().filter(a -> !ACCEPTS_NULL.contains(a))
                .forEach(a -> figures.note("accepts null, not listed: " + a));
        figures.write();
        problems.write();
        problems.assertNone();
        assertThat(acceptedNull).as("parameters that accept null").isEqualTo(new TreeSet<>(ACCEPTS_NULL));
    }

    /** A sync transaction per call (rolled back after it), or one of its managers. */
    private Receiver syncTransaction(Method accessor) {
        return new Receiver() {
            private Transaction tx;

            @Override
            public Object get() {
                tx = sync.begin();
                return accessor == null ? tx : Slots.invoke(accessor, tx, new Object[0]);
            }

            @Override
            public void release(Object receiver) {
                tx.close();
            }
        };
    }

    private Receiver asyncTransaction(Method accessor) {
        return new Receiver() {
            private AsyncTransaction tx;

            @Override
            public Object get() {
                tx = Waits.await(async.begin());
                return accessor == null ? tx : Slots.invoke(accessor, tx, new Object[0]);
            }

            @Override
            public void release(Object receiver) {
                Waits.await(tx.close());
            }
        };
    }

    /**
     * The specs: the value types the API takes (parameters of the clients, transactions, managers and dialect
     * operations), and those their factories take in turn ({@code GrantObject} for {@code Grant}). Result records
     * ({@code Snapshot}, {@code Account} ...) are what the API returns, not what callers build, and are left out.
     */
    private static List<Class<?>> valueTypes() {
        Set<Class<?>> found = new java.util.LinkedHashSet<>();
        List<Class<?>> roots = new ArrayList<>(List.of(MatrixOneClient.class, Transaction.class,
                AsyncMatrixOneClient.class, AsyncTransaction.class));
        roots.addAll(ApiSurface.managerTypes());
        for (ApiSurface.Target t : ApiSurface.targets()) {
            roots.add(t.dialectMethod().getDeclaringClass());
        }
        java.util.Deque<Class<?>> todo = new java.util.ArrayDeque<>();
        for (Class<?> root : roots) {
            for (Method m : root.getMethods()) {
                Arrays.stream(m.getParameterTypes()).filter(Slots::isValueType).forEach(todo::add);
            }
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (found.add(c)) {
                for (Executable maker : Slots.makers(c)) {
                    Arrays.stream(maker.getParameterTypes()).filter(Slots::isValueType).forEach(todo::add);
                }
            }
        }
        List<Class<?>> out = new ArrayList<>(found);
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    /**
     * Every public method of {@code type} with a reference parameter. Constructors are left out: a record's canonical
     * constructor takes null for the components that do not apply (a cluster snapshot has no database), as its
     * javadoc says; callers build specs with the factories and modifiers, which are all covered.
     */
    private void subject(Class<?> type, Receiver receiver) {
        List<Executable> methods = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.isSynthetic() || m.isBridge()
                    || (m.getName().equals("equals") && m.getParameterCount() == 1)) {
                continue;
            }
            if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != type) {
                continue;
            }
            methods.add(m);
        }
        methods.sort(Comparator.comparing(NullArgumentsIT::key));
        for (Executable m : methods) {
            Parameter[] params = m.getParameters();
            for (int i = 0; i < params.length; i++) {
                if (!params[i].getType().isPrimitive()) {
                    one(type, m, i, receiver);
                }
            }
        }
    }

    private static String key(Executable m) {
        return m.getName() + Arrays.toString(m.getParameterTypes());
    }

    /** One method with null in parameter {@code at}. */
    private void one(Class<?> type, Executable m, int at, Receiver receiver) {
        String where = type.getSimpleName() + "." + (m instanceof Method ? m.getName() : "<init>") + "("
                + String.join(",", Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList()) + ")#"
                + m.getParameters()[at].getName();
        Object[] valid = Slots.isValueType(m.getDeclaringClass()) ? slots.benignArguments(m, 0) : null;
        Object[] args = valid != null ? valid.clone() : new Object[m.getParameterCount()];
        args[at] = null;
        for (int i = 0; valid == null && i < args.length; i++) {
            if (i != at) {
                Object sample = sample(m.getParameters()[i]);
                if (sample == NONE) {
                    figures.add("calls without a sample argument (not covered)");
                    figures.note("no sample for " + m.getParameters()[i].getParameterizedType() + " in " + where);
                    return;
                }
                args[i] = sample;
            }
        }
        boolean isStatic = m instanceof java.lang.reflect.Constructor<?> || Modifier.isStatic(m.getModifiers());
        Object target = isStatic ? null : receiver.get();
        if (!isStatic && target == null) {
            return;
        }
        figures.add("calls");
        mo.statements().clear();
        Throwable failure = null;
        Object result = null;
        try {
            result = Slots.invoke(m, target, args);
            if (result instanceof CompletionStage<?> stage) {
                // an accepted after-commit step completes only after COMMIT: waiting for it here is an error
                if (!(stage instanceof AfterCommitStage<?>)) {
                    Waits.await(stage);
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        if (ACCEPTS_NULL.contains(where) && serverError(failure)) {
            // null accepted and the statement sent: the server's answer is about the test's data (the sample table
            // is not in the session's current database), not about the argument
            failure = null;
        }
        if (!isStatic) {
            List<String> sent = Wire.received(mo.statements(), true);
            receiver.release(target);
            if (failure != null && !sent.isEmpty()) {
                problems.add(where, "null", "refused, but the server received " + sent);
            }
        }
        if (result instanceof ClientOptions.Builder b && failure == null) {
            try {
                b.build();
            } catch (IllegalArgumentException | NullPointerException e) {
                failure = e; // a builder refuses at build(), naming the option
            }
        }
        if (failure instanceof Waits.Hang) {
            problems.add(where, "null", "hung");
        } else if (failure == null) {
            acceptedNull.add(where);
            figures.add("nulls accepted");
        } else if (!(failure instanceof NullPointerException || failure instanceof IllegalArgumentException)) {
            problems.add(where, "null", "threw " + failure.getClass().getName() + ": " + failure.getMessage());
        } else if (!namesParameter(failure.getMessage(), m.getParameters()[at].getName())
                && !(m.getParameterCount() == 1 && namesParameter(failure.getMessage(), m.getName()))) {
            problems.add(where, "null", "the message does not name the parameter: " + failure);
        } else {
            figures.add("nulls refused by name");
        }
    }

    /**
     * Whether {@code failure} is (or wraps) the server's answer to a statement that was sent, or what the SDK read
     * from such an answer (no such object: {@code indexes().ivfStats} of a table without the index).
     */
    private static boolean serverError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MatrixOneException e && (e.errorCode() != 0 || e instanceof ObjectNotFoundException)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a message names a parameter: its name, or one of the words of a camel-case name. */
    private static boolean namesParameter(String message, String parameter) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains(parameter.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return Arrays.stream(parameter.split("(?=[A-Z])")).map(w -> w.toLowerCase(Locale.ROOT))
                .map(w -> w.endsWith("s") ? w.substring(0, w.length() - 1) : w) // "users": "name at least one user"
                .anyMatch(w -> w.length() >= 4 && lower.contains(w));
    }

    private static final Object NONE = new Object();

    /** A valid argument for a parameter (not null). */
    private Object sample(Parameter p) {
        Class<?> t = p.getType();
        Type g = p.getParameterizedType();
        String name = p.getName();
        if (t == String.class) {
            return switch (name) {
                case "sql" -> "SELECT 1";
                case "url" -> "matrixone://root:111@127.0.0.1:6001/test";
                case "version" -> "4.2.0";
                case "service" -> "dn";
                case "command" -> "flush";
                default -> Slots.benignString(0);
            };
        }
        if (t == Object[].class) {
            return new Object[0];
        }
        if (t == Object.class) {
            return 1;
        }
        if (t == List.class) {
            if (name.equals("rows")) {
                return List.of(List.of(1));
            }
            List<Slots.Benign> b = slots.benign(g);
            return b.isEmpty() ? List.of() : b.get(0).value();
        }
        if (t == Consumer.class) {
            return (Consumer<Object>) x -> { };
        }
        if (t == Function.class) {
            return (Function<Object, CompletionStage<Object>>) x -> CompletableFuture.completedFuture(null);
        }
        if (t == Collector.class) {
            return Collectors.counting();
        }
        if (t == Supplier.class) {
            return (Supplier<Object>) () -> null;
        }
        if (t == io.matrixone.core.dialect.Operation.class) {
            return dialect.version().serverVersion();
        }
        if (t == io.matrixone.client.TransactionBody.class) {
            return (io.matrixone.client.TransactionBody<Object>) tx -> null;
        }
        if (t == io.matrixone.client.TransactionWork.class) {
            return (io.matrixone.client.TransactionWork) tx -> { };
        }
        if (t == RetryPolicy.class) {
            return RetryPolicy.NONE;
        }
        if (t == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (t == ClientOptions.class) {
            return Servers.options(mo).build();
        }
        if (t == Vertx.class) {
            return vertx;
        }
        if (t == Map.class) {
            return Map.of();
        }
        if (t == StatementListener.class) {
            return (StatementListener) e -> { };
        }
        if (t == BulkInsert.class) {
            return BulkInsert.into("adv_null").columns("a").rows(List.of());
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == io.matrixone.core.search.Filter[].class) {
            return new io.matrixone.core.search.Filter[] {io.matrixone.core.search.Filter.isNull("adv_null")};
        }
        List<Slots.Benign> b = slots.benign(g);
        return b.isEmpty() ? NONE : b.get(0).value();
    }
}

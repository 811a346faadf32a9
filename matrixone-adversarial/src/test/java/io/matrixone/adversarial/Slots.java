package io.matrixone.adversarial;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a name or a literal goes into the public API, found by reflection: a {@link Slot} is one way to put a string
 * into an argument of some type, directly ({@code String}, {@code String...}, {@code List<String>}) or through a value
 * type's makers (its public constructors and static factories) and modifiers ({@code CloneSpec.fromSnapshot(..)}),
 * recursively ({@code Grant.of(GrantObject.table(db, t), ..)}). Every other argument gets a benign value, chosen so
 * that the whole value builds with a benign string in the slot: a slot that cannot be built even then is dropped, so a
 * refusal of the hostile value is always a refusal of that value.
 *
 * <p>Value types are those of the packages in {@link #VALUE_PACKAGES}: a new spec, factory or modifier there is
 * covered without touching this suite.
 */
final class Slots {
    /** Packages whose types are built from their makers (the specs, models and bulk-insert description). */
    static final List<String> VALUE_PACKAGES = List.of("io.matrixone.core.model", "io.matrixone.core.bulk",
            "io.matrixone.core.search");
    private static final int MAX_DEPTH = 2;
    private static final int MAX_COMBINATIONS = 256;

    /** A place for one string: {@code path} says where (for reports), {@code build} makes the argument. */
    record Slot(String path, Function<String, Object> build) {
    }

    /** A benign value that builds, and how it was made (for reports). */
    record Benign(Object value, String how) {
    }

    private final Map<Type, List<Slot>> slotCache = new LinkedHashMap<>();
    private final Map<Type, List<Benign>> benignCache = new LinkedHashMap<>();

    /** A benign string for argument position {@code i}: distinct per position, valid for every kind of name. */
    static String benignString(int i) {
        return "adv_n" + i;
    }

    /** The slots of a parameter type. */
    List<Slot> slots(Type type) {
        return slots(type, 0);
    }

    private List<Slot> slots(Type type, int depth) {
        List<Slot> cached = slotCache.get(type);
        if (cached != null) {
            return cached;
        }
        List<Slot> out = new ArrayList<>();
        Class<?> raw = raw(type);
        if (raw == String.class) {
            out.add(new Slot("", s -> s));
        } else if (raw == String[].class) {
            out.add(new Slot("[0]", s -> new String[] {s}));
            out.add(new Slot("[1]", s -> new String[] {benignString(9), s}));
        } else if ((raw == List.class || raw == Collection.class || raw == Iterable.class) && elementIsString(type)) {
            out.add(new Slot("[0]", s -> List.of(s)));
        } else if (isValueType(raw) && depth < MAX_DEPTH) {
            out.addAll(valueSlots(raw, depth));
        }
        if (depth == 0) {
            slotCache.put(type, out);
        }
        return out;
    }

    /** Slots through a value type's makers and modifiers. */
    private List<Slot> valueSlots(Class<?> type, int depth) {
        List<Slot> out = new ArrayList<>();
        for (Executable maker : makers(type)) {
            Object[] base = benignArguments(maker, depth + 1);
            if (base == null) {
                continue;
            }
            Parameter[] params = maker.getParameters();
            for (int i = 0; i < params.length; i++) {
                for (Slot inner : slots(params[i].getParameterizedType(), depth + 1)) {
                    int at = i;
                    Function<String, Object> build = s -> {
                        Object[] args = base.clone();
                        args[at] = inner.build().apply(s);
                        return invoke(maker, null, args);
                    };
                    Slot slot = new Slot(describe(maker) + "#" + params[i].getName() + inner.path(), build);
                    if (buildsWithBenign(slot)) {
                        out.add(slot);
                    }
                }
            }
        }
        for (Method modifier : modifiers(type)) {
            Parameter[] params = modifier.getParameters();
            for (int i = 0; i < params.length; i++) {
                for (Slot inner : slots(params[i].getParameterizedType(), depth + 1)) {
                    Slot slot = modifierSlot(type, modifier, i, inner, depth);
                    if (slot != null) {
                        out.add(slot);
                    }
                }
            }
        }
        return out;
    }

    /** A modifier applied to the first benign base it accepts. */
    private Slot modifierSlot(Class<?> type, Method modifier, int at, Slot inner, int depth) {
        for (Benign base : benign(type, depth + 1)) {
            Object[] others = benignArguments(modifier, depth + 1);
            if (others == null) {
                return null;
            }
            Function<String, Object> build = s -> {
                Object[] args = others.clone();
                args[at] = inner.build().apply(s);
                return invoke(modifier, base.value(), args);
            };
            Slot slot = new Slot(base.how() + "." + modifier.getName() + "#" + modifier.getParameters()[at].getName()
                    + inner.path(), build);
            if (buildsWithBenign(slot)) {
                return slot;
            }
        }
        return null;
    }

    private boolean buildsWithBenign(Slot slot) {
        for (Benign candidate : benign(String.class)) {
            try {
                slot.build().apply((String) candidate.value());
                return true;
            } catch (RuntimeException e) {
                // the next candidate
            }
        }
        return false;
    }

    /** A search result row: the type the search methods map their rows to. */
    record Hit(long id, double distance) {
    }

    /** Benign values of a type, each known to build. */
    List<Benign> benign(Type type) {
        return benign(type, 0);
    }

    private List<Benign> benign(Type type, int depth) {
        List<Benign> cached = benignCache.get(type);
        if (cached != null) {
            return cached;
        }
        List<Benign> out = new ArrayList<>();
        Class<?> raw = raw(type);
        if (raw == String.class) {
            out.add(new Benign(benignString(0), "\"" + benignString(0) + "\""));
            out.add(new Benign("flush", "\"flush\"")); // a mo_ctl command, for call(service, command, parameter)
            out.add(new Benign("dn", "\"dn\"")); // a mo_ctl service
            out.add(new Benign("", "\"\""));
        } else if (raw == String[].class) {
            out.add(new Benign(new String[] {benignString(8)}, "[" + benignString(8) + "]"));
        } else if (raw == int.class || raw == Integer.class) {
            out.add(new Benign(1, "1"));
        } else if (raw == long.class || raw == Long.class) {
            out.add(new Benign(1L, "1"));
            out.add(new Benign(1_700_000_000_000_000_000L, "1700000000000000000"));
        } else if (raw == double.class || raw == Double.class) {
            out.add(new Benign(0.5d, "0.5"));
        } else if (raw == float[].class) {
            out.add(new Benign(new float[] {1, 0}, "[1.0, 0.0]")); // a vector
        } else if (raw == double[].class) {
            out.add(new Benign(new double[] {1, 0}, "[1.0, 0.0]"));
        } else if (raw == Class.class) {
            out.add(new Benign(Hit.class, "Hit.class")); // the record a search maps its rows to
        } else if (raw == boolean.class || raw == Boolean.class) {
            out.add(new Benign(false, "false"));
            out.add(new Benign(true, "true"));
        } else if (raw.isEnum()) {
            for (Object constant : raw.getEnumConstants()) {
                out.add(new Benign(constant, raw.getSimpleName() + "." + constant));
            }
        } else if (raw == LocalDateTime.class) {
            out.add(new Benign(LocalDateTime.of(2026, 1, 2, 3, 4, 5), "2026-01-02T03:04:05"));
        } else if (raw == Instant.class) {
            out.add(new Benign(Instant.parse("2026-01-02T03:04:05Z"), "2026-01-02T03:04:05Z"));
        } else if (raw == Duration.class) {
            out.add(new Benign(Duration.ofSeconds(1), "PT1S"));
        } else if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
            Type element = element(type);
            if (element != null) {
                for (Benign e : benign(element, depth)) {
                    out.add(new Benign(List.of(e.value()), "[" + e.how() + "]"));
                }
            }
        } else if (isValueType(raw) && depth <= MAX_DEPTH + 1) {
            for (Executable maker : makers(raw)) {
                Object[] args = benignArguments(maker, depth + 1);
                if (args != null) {
                    out.add(new Benign(invoke(maker, null, args), describe(maker)));
                }
            }
            benignCache.put(type, out); // modifiers below look their receivers up here
            for (Benign base : List.copyOf(out)) {
                for (Method modifier : modifiers(raw)) {
                    Object[] args = benignArguments(modifier, depth + 1);
                    if (args != null) {
                        try {
                            out.add(new Benign(invoke(modifier, base.value(), args), base.how() + "."
                                    + modifier.getName() + "(..)"));
                        } catch (RuntimeException e) {
                            // not applicable to this base
                        }
                    }
                }
            }
        }
        benignCache.put(type, out);
        return out;
    }

    /**
     * Benign arguments with which {@code target} can be built: the first combination of benign candidates that does
     * not throw, or {@code null}. For a method of a value type the receiver is not needed (makers are static) or is
     * supplied later (modifiers: only their own arguments are chosen here, checked with any benign receiver).
     */
    Object[] benignArguments(Executable target, int depth) {
        return benignArguments(target, depth, null);
    }

    /** Benign arguments with which {@code target} invoked on {@code receiver} (an API object) does not throw. */
    Object[] benignArguments(Method target, Object receiver) {
        return benignArguments(target, 0, receiver);
    }

    private Object[] benignArguments(Executable target, int depth, Object receiver) {
        Parameter[] params = target.getParameters();
        List<List<Benign>> candidates = new ArrayList<>();
        for (Parameter p : params) {
            List<Benign> c = benign(p.getParameterizedType(), depth);
            if (c.isEmpty()) {
                return null;
            }
            candidates.add(positional(c, candidates.size()));
        }
        int[] index = new int[params.length];
        for (int tries = 0; tries < MAX_COMBINATIONS; tries++) {
            Object[] args = new Object[params.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = candidates.get(i).get(index[i]).value();
            }
            if (receiver != null ? invokes((Method) target, receiver, args) : builds(target, args)) {
                return args;
            }
            if (!next(index, candidates)) {
                return null;
            }
        }
        return null;
    }

    /** Strings get a name distinct per position (a clone of adv_n0 into adv_n0 would be refused for that alone). */
    private static List<Benign> positional(List<Benign> c, int position) {
        if (c.isEmpty() || !(c.get(0).value() instanceof String)) {
            return c;
        }
        List<Benign> out = new ArrayList<>(c);
        out.set(0, new Benign(benignString(position), "\"" + benignString(position) + "\""));
        return out;
    }

    private static boolean invokes(Method target, Object receiver, Object[] args) {
        try {
            invoke(target, receiver, args);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean builds(Executable target, Object[] args) {
        if (target instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
            for (Benign receiver : benign(m.getDeclaringClass(), MAX_DEPTH + 1)) {
                try {
                    invoke(m, receiver.value(), args);
                    return true;
                } catch (RuntimeException e) {
                    // try the next receiver
                }
            }
            return false;
        }
        try {
            invoke(target, null, args);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean next(int[] index, List<List<Benign>> candidates) {
        for (int i = index.length - 1; i >= 0; i--) {
            if (++index[i] < candidates.get(i).size()) {
                return true;
            }
            index[i] = 0;
        }
        return false;
    }

    /** Public constructors and static factories that return the type (or a subtype), in a stable order. */
    static List<Executable> makers(Class<?> type) {
        List<Executable> out = new ArrayList<>();
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            out.addAll(Arrays.asList(type.getConstructors()));
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type
                    && type.isAssignableFrom(m.getReturnType()) && m.getParameterCount() > 0 && !m.isSynthetic()) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Slots::describe));
        return out;
    }

    /** Public instance methods that return a changed copy of the type. */
    static List<Method> modifiers(Class<?> type) {
        List<Method> out = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type && m.getReturnType() == type
                    && m.getParameterCount() > 0 && !m.isSynthetic()) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Slots::describe));
        return out;
    }

    static boolean isValueType(Class<?> c) {
        return c.getPackage() != null && VALUE_PACKAGES.contains(c.getPackage().getName()) && !c.isEnum();
    }

    static String describe(Executable e) {
        String params = String.join(",", Arrays.stream(e.getParameters()).map(Parameter::getName).toList());
        String name = e instanceof Constructor<?> ? "new " + e.getDeclaringClass().getSimpleName()
                : e.getDeclaringClass().getSimpleName() + "." + e.getName();
        return name + "(" + params + ")";
    }

    /** Invokes, unwrapping the target's exception. */
    static Object invoke(Executable e, Object receiver, Object[] args) {
        try {
            if (e instanceof Constructor<?> c) {
                return c.newInstance(args);
            }
            return ((Method) e).invoke(receiver, args);
        } catch (InvocationTargetException ite) {
            Throwable cause = ite.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException roe) {
            throw new IllegalStateException(roe);
        }
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static boolean elementIsString(Type t) {
        return element(t) == String.class;
    }

    private static Type element(Type t) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            Type a = p.getActualTypeArguments()[0];
            if (a instanceof java.lang.reflect.WildcardType w) {
                return w.getUpperBounds()[0];
            }
            return a;
        }
        return null;
    }

    static Optional<Type> elementType(Type t) {
        return Optional.ofNullable(element(t));
    }
}

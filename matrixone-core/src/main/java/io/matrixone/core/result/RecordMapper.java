package io.matrixone.core.result;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Maps rows to a record through its canonical constructor, matching columns to components by name
 * (ignoring case and underscores). Column positions are resolved on the first row and reused, since every
 * row of one result has the same columns.
 */
final class RecordMapper<R extends Record> implements RowMapper<R> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Constructor<R> constructor;
    private volatile Binding binding;

    private RecordMapper(Class<R> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        this.type = type;
        this.components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(types);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName(), e);
        }
    }

    static <R extends Record> RecordMapper<R> of(Class<R> type) {
        return new RecordMapper<>(type);
    }

    @Override
    public R map(Row row) {
        Binding b = binding;
        if (b == null || b.columns != row.columns()) {
            b = bind(row.columns());
            binding = b;
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = ValueConverter.convert(row, b.indexes[i], components[i].getType());
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot create " + type.getSimpleName(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
        }
    }

    private Binding bind(Columns columns) {
        int[] indexes = new int[components.length];
        List<String> names = columns.names();
        for (int i = 0; i < components.length; i++) {
            String wanted = normalize(components[i].getName());
            int found = -1;
            for (int c = 0; c < names.size(); c++) {
                if (normalize(names.get(c)).equals(wanted)) {
                    found = c;
                    break;
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException("no column for record component '" + components[i].getName()
                        + "' of " + type.getSimpleName() + " in " + names);
            }
            indexes[i] = found;
        }
        return new Binding(columns, indexes);
    }

    private static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private record Binding(Columns columns, int[] indexes) {
    }
}

package io.matrixone.adversarial;

import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.manager.AsyncManagerAccess;
import io.matrixone.core.manager.ManagerAccess;
import io.matrixone.core.manager.TxManagerAccess;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The operations of MatrixOne's own features as the clients offer them, found by reflection so that a new manager
 * method (generated from a new {@code @Managed.Op} in the dialect) is covered without touching this suite:
 * <ul>
 *   <li>every manager reachable from the accessors ({@link ManagerAccess}, {@link TxManagerAccess},
 *       {@link AsyncManagerAccess}), with the dialect method that builds its operation;</li>
 *   <li>every other public dialect method that builds an {@link Operation} (time travel, {@code mo_ctl} by service
 *       name): the clients run those with {@code run(operation)}.</li>
 * </ul>
 */
final class ApiSurface {

    /**
     * One operation: the dialect family's accessor ({@code "snapshots"}), the dialect method building it, and the
     * methods of the sync, transaction and async managers that run it ({@code null} for a run-only operation).
     */
    record Target(String accessor, Method dialectMethod, Method sync, Method tx, Method async) {
        boolean managed() {
            return sync != null;
        }

        String name() {
            String params = String.join(",", Arrays.stream(dialectMethod.getParameterTypes())
                    .map(Class::getSimpleName).toList());
            return accessor + "()." + dialectMethod.getName() + "(" + params + ")" + (managed() ? "" : " via run(..)");
        }

        Parameter[] parameters() {
            return dialectMethod.getParameters();
        }
    }

    private ApiSurface() {
    }

    /** Every operation the clients offer, managers first, in a stable order. */
    static List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (Method family : sorted(Dialect.class.getMethods())) {
            if (Modifier.isStatic(family.getModifiers()) || family.getParameterCount() > 0
                    || family.getReturnType().getPackage() != Dialect.class.getPackage()
                    || family.getReturnType() == Dialect.class) {
                continue;
            }
            Method syncAccessor = find(ManagerAccess.class, family.getName());
            for (Method m : sorted(family.getReturnType().getMethods())) {
                if (Modifier.isStatic(m.getModifiers()) || !Operation.class.isAssignableFrom(m.getReturnType())) {
                    continue;
                }
                if (syncAccessor == null) {
                    out.add(new Target(family.getName(), m, null, null, null));
                    continue;
                }
                Method sync = find(syncAccessor.getReturnType(), m);
                Method tx = find(find(TxManagerAccess.class, family.getName()).getReturnType(), m);
                Method async = find(find(AsyncManagerAccess.class, family.getName()).getReturnType(), m);
                out.add(new Target(family.getName(), m, sync, sync == null ? null : tx, sync == null ? null : async));
            }
        }
        return out;
    }

    /** The manager types, as the accessors return them. */
    static List<Class<?>> managerTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> access : List.of(ManagerAccess.class, TxManagerAccess.class, AsyncManagerAccess.class)) {
            for (Method m : sorted(access.getMethods())) {
                out.add(m.getReturnType());
            }
        }
        return out;
    }

    private static Method find(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method find(Class<?> type, Method like) {
        try {
            return type.getMethod(like.getName(), like.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static List<Method> sorted(Method[] methods) {
        List<Method> out = new ArrayList<>(Arrays.asList(methods));
        out.sort(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
        return out;
    }
}

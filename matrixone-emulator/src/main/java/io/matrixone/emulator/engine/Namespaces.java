package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds accounts' {@link Namespace}s (by {@code mo_account}) and the databases in them. Thread-safe. */
final class Namespaces {
    private final Map<String, Namespace> cache = new ConcurrentHashMap<>();

    /** The namespace of an existing account, or {@code null}. */
    Namespace find(Db db, String account) {
        if (Privileges.SYS.equalsIgnoreCase(account)) {
            return Namespace.sys();
        }
        Namespace cached = cache.get(account);
        if (cached != null) {
            return cached;
        }
        String id = db.scalar("SELECT account_id FROM mo_catalog.mo_account WHERE account_name = " + Sql.str(account));
        if (id == null) {
            return null;
        }
        Namespace ns = new Namespace(account, Long.parseLong(id));
        cache.put(account, ns);
        return ns;
    }

    /** The namespace of a session's account; a session of a dropped account keeps a namespace nobody else has. */
    Namespace of(Db db, Session session) {
        Namespace ns = find(db, session.account());
        return ns != null ? ns : new Namespace(session.account(), -1);
    }

    /** Forgets a dropped account (a new account of the same name gets a new id). */
    void forget(String account) {
        cache.remove(account);
    }

    /** sys and every account in {@code mo_account}. */
    List<Namespace> all(Db db) {
        List<Namespace> out = new ArrayList<>();
        for (List<String> r : db.rows("SELECT account_name, account_id FROM mo_catalog.mo_account ORDER BY account_id")) {
            out.add(Long.parseLong(r.get(1)) == 0 ? Namespace.sys() : new Namespace(r.get(0), Long.parseLong(r.get(1))));
        }
        return out;
    }

    /** The account's own databases (logical names, sorted): no system, shared or emulator schemas. */
    List<String> databases(Db db, Namespace ns) {
        List<String> out = new ArrayList<>();
        for (List<String> r : db.rows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME")) {
            String physical = r.get(0);
            String logical = ns.logical(physical);
            if (ns.owns(physical) && !Db.isSystemSchema(logical)) {
                out.add(logical);
            }
        }
        return out;
    }
}

package io.matrixone.emulator.engine;

/** MatrixOne's role checks as the engine applies them (mo_sql.md §1.6, §7.1, §8). */
final class Privileges {
    static final String SYS = "sys";

    private Privileges() {
    }

    static boolean isSys(Session s) {
        return SYS.equalsIgnoreCase(s.account());
    }

    /**
     * The session's effective role. A login name without a role uses the user's default role; the emulator
     * assumes the account's admin role then: {@code moadmin} in sys, {@code accountadmin} elsewhere.
     */
    static String role(Session s) {
        if (s.role() != null && !s.role().isEmpty()) {
            return s.role();
        }
        return isSys(s) ? "moadmin" : "accountadmin";
    }

    /** {@code doCheckRole} (authenticate.go): sys needs moadmin, other accounts accountadmin. */
    static void checkAdminRole(Session s) {
        String needed = isSys(s) ? "moadmin" : "accountadmin";
        if (!needed.equalsIgnoreCase(role(s))) {
            throw MoException.internal("do not have privilege to execute the statement");
        }
    }

    /** Account management and mo_ctl: only sys with moadmin (verifyAccountCanExecMoCtrl, authenticate2.go). */
    static void checkSysAdmin(Session s) {
        if (!isSys(s) || !"moadmin".equalsIgnoreCase(role(s))) {
            throw MoException.internal("do not have privilege to execute the statement");
        }
    }
}

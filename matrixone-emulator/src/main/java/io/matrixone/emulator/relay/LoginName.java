package io.matrixone.emulator.relay;

import java.util.Objects;

/**
 * A MatrixOne login name: {@code acc:user:role}, {@code acc:user}, {@code acc#user#role}, {@code acc#user} or
 * {@code user}, optionally followed by {@code ?labels}. ':' is checked before '#', as MatrixOne does.
 *
 * @param account the account, {@code sys} when the name has none
 * @param user    the user
 * @param role    the role, or {@code null}
 */
public record LoginName(String account, String user, String role) {
    public static final String SYS = "sys";

    public LoginName {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
    }

    public static LoginName parse(String raw) {
        String name = raw;
        int label = name.indexOf('?');
        if (label >= 0) {
            name = name.substring(0, label);
        }
        String delimiter = name.contains(":") ? ":" : name.contains("#") ? "#" : null;
        if (delimiter == null) {
            return new LoginName(SYS, name.trim(), null);
        }
        String[] parts = name.split(java.util.regex.Pattern.quote(delimiter), 3);
        String account = parts[0].trim().isEmpty() ? SYS : parts[0].trim();
        String user = parts.length > 1 ? parts[1].trim() : "";
        String role = parts.length > 2 && !parts[2].trim().isEmpty() ? parts[2].trim() : null;
        return new LoginName(account, user, role);
    }

    public boolean isSys() {
        return SYS.equalsIgnoreCase(account);
    }

    /** The MariaDB user that stands for this login: {@code user} in sys, {@code acc#user} in other accounts. */
    public String backendUser() {
        return isSys() ? user : account + "#" + user;
    }
}

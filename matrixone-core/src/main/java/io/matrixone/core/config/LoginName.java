package io.matrixone.core.config;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;

import java.util.Objects;

/**
 * A MatrixOne login name: account, user and role. MatrixOne reads {@code acc#user#role}, {@code acc#user},
 * {@code acc:user:role}, {@code acc:user} or a bare {@code user} (account {@code sys}); the SDK always sends
 * the {@code #} form.
 *
 * @param account the account, or {@code null} for the default ({@code sys})
 * @param user    the user
 * @param role    the role, or {@code null} for the user's default role
 */
public record LoginName(String account, String user, String role) {

    public LoginName {
        Identifiers.check(user, NameKind.USER);
        if (account != null) {
            Identifiers.check(account, NameKind.ACCOUNT);
        }
        if (role != null) {
            Identifiers.check(role, NameKind.ROLE);
        }
    }

    /**
     * Parses a login name in any of MatrixOne's forms. As on the server, ':' is looked for first, then '#';
     * anything after '?' (a CN label) is dropped.
     */
    public static LoginName parse(String login) {
        Objects.requireNonNull(login, "login");
        String s = login;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        char sep = s.indexOf(':') >= 0 ? ':' : s.indexOf('#') >= 0 ? '#' : 0;
        if (sep == 0) {
            return new LoginName(null, s, null);
        }
        String[] parts = s.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("login name has more than three parts (account, user, role)");
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("login name has an empty part; expected account" + sep + "user["
                        + sep + "role]");
            }
        }
        return new LoginName(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * Combines a user setting with separate account and role settings. The user may already be a full login
     * name; giving an account or role both inside it and separately is an error, unless they agree.
     */
    public static LoginName combine(String user, String account, String role) {
        LoginName fromUser = parse(user);
        String a = pick("account", fromUser.account, account);
        String r = pick("role", fromUser.role, role);
        return new LoginName(a, fromUser.user, r);
    }

    private static String pick(String what, String inUser, String separate) {
        if (inUser != null && separate != null && !inUser.equals(separate)) {
            throw new IllegalArgumentException("conflicting " + what + ": '" + inUser + "' in the user name but '"
                    + separate + "' given separately");
        }
        return inUser != null ? inUser : separate;
    }

    /** The name the server receives: {@code user}, {@code acc#user} or {@code acc#user#role}. */
    public String format() {
        if (account == null && role == null) {
            return user;
        }
        String acc = account == null ? "sys" : account;
        return role == null ? acc + "#" + user : acc + "#" + user + "#" + role;
    }

    /** The account this login lands in: the given one or {@code sys}. */
    public String effectiveAccount() {
        return account == null ? "sys" : account;
    }

    @Override
    public String toString() {
        return format();
    }
}

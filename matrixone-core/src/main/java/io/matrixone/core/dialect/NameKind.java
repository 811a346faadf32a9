package io.matrixone.core.dialect;

/**
 * The kinds of names the SDK puts into SQL, each with MatrixOne's rules for it. {@link Identifiers} is
 * the only caller.
 */
public enum NameKind {
    /**
     * MatrixOne refuses spaces in database names ({@code 20101 invalid input}, measured on 4.2.0). It accepts names
     * longer than 64 characters; the SDK keeps MySQL's 64 so that names port to every MySQL-protocol tool.
     */
    DATABASE("database", 64, true),
    TABLE("table", 64, false),
    COLUMN("column", 64, false),
    INDEX("index", 64, false),
    /** MatrixOne stores snapshot names in {@code varchar(64)} and rejects space, tab and quotes (mo_sql.md §1.5). */
    SNAPSHOT("snapshot", 64, true),
    PITR("PITR", 64, true),
    PUBLICATION("publication", 64, true),
    STAGE("stage", 64, true),
    /** Account names may hold only {@code [0-9A-Za-z_-]} ({@code accountNameIsInvalid}). */
    ACCOUNT("account", 300, true),
    /** User and role names may not contain ':' or '#', the login-name separators. */
    USER("user", 300, false),
    ROLE("role", 300, false);

    private final String label;
    private final int maxLength;
    private final boolean noWhitespace;

    NameKind(String label, int maxLength, boolean noWhitespace) {
        this.label = label;
        this.maxLength = maxLength;
        this.noWhitespace = noWhitespace;
    }

    public String label() {
        return label;
    }

    /** Maximum length in characters (code points). */
    public int maxLength() {
        return maxLength;
    }

    boolean forbidsWhitespace() {
        return noWhitespace;
    }
}

package io.matrixone.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session every connection gets, on both clients.
 *
 * @param variables                session variables set on every new connection, before it is used (one
 *                                 {@code SET} with all of them); names are checked, values are written as literals
 * @param driverProperties         extra Connector/J properties (sync client), given explicitly; the SDK's own settings
 *                                 are overridden by them, except the security-relevant ones
 * @param insecureDriverProperties security-relevant Connector/J properties given through
 *                                 {@code Builder.insecureDriverProperty}: the only way to change those
 */
public record SessionOptions(Map<String, Object> variables, Map<String, String> driverProperties,
                             Map<String, String> insecureDriverProperties) {

    public SessionOptions {
        variables = ordered(variables);
        driverProperties = ordered(driverProperties);
        insecureDriverProperties = ordered(insecureDriverProperties);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m)); // insertion order: the SET lists them so
    }

    @Override
    public String toString() {
        return (variables.isEmpty() ? "" : "variables=" + variables.keySet())
                + (driverProperties.isEmpty() ? "" : " driverProperties=" + driverProperties.keySet())
                + (insecureDriverProperties.isEmpty() ? "" : " insecureDriverProperties="
                        + insecureDriverProperties.keySet());
    }
}

package io.matrixone.emulator.junit;

import io.matrixone.emulator.RealServer;
import io.matrixone.emulator.backend.BackendConnection;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The real MatrixOne of one test run (one JVM), and what the run leaves behind: the tests name their databases
 * {@code prefix_} plus random hex digits, so at the end of the run each database of that form that was not there
 * when it began is dropped. Nothing else is touched (a database another user made in the meantime would need the
 * same random form).
 */
final class RealServerRun implements ExtensionContext.Store.CloseableResource {
    private static final Logger LOG = LoggerFactory.getLogger(RealServerRun.class);
    /** A name a test made unique: lower-case words and a random hex suffix of 8 or more digits. */
    static final Pattern TEST_DATABASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*_[0-9a-f]{8,}");

    private final RealServer server;
    private final Set<String> before;

    private RealServerRun(RealServer server, Set<String> before) {
        this.server = server;
        this.before = before;
    }

    static RealServerRun start(RealServer server) {
        try (BackendConnection c = connect(server)) {
            return new RealServerRun(server, databases(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RealServer server() {
        return server;
    }

    @Override
    public void close() {
        int dropped = 0;
        try (BackendConnection c = connect(server)) {
            for (String db : databases(c)) {
                if (!before.contains(db) && TEST_DATABASE.matcher(db).matches()) {
                    try {
                        c.execute("DROP DATABASE IF EXISTS `" + db + "`");
                        dropped++;
                    } catch (RuntimeException e) { // a published database, say: leave it
                        LOG.info("could not drop test database {} on {}: {}", db, server, e.getMessage());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("could not clean up after the tests on {}: {}", server, e.getMessage());
        }
        LOG.info("dropped {} databases the tests made on {}", dropped, server);
    }

    private static Set<String> databases(BackendConnection c) {
        Set<String> names = new HashSet<>();
        for (List<String> row : c.execute("SHOW DATABASES").rows()) {
            names.add(row.get(0));
        }
        return names;
    }

    private static BackendConnection connect(RealServer server) throws IOException {
        return BackendConnection.open(server.host(), server.port(), server.user(), server.password(), null);
    }
}

package io.matrixone.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.emulator.Emulator;
import io.matrixone.spring.boot.test.AutoConfigureMatrixOneEmulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example application over HTTP, on an emulator from the test slice annotation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMatrixOneEmulator(database = "app")
class ExampleApplicationIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Emulator matrixOne;

    @Autowired
    MatrixOneClient client;

    @Autowired
    CustomerRepository customers;

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void theSlicePointsTheStarterAtTheEmulatorAndFlywayMigratedBehindASnapshot() {
        assertThat(client.options().connection().port()).isEqualTo(matrixOne.port());
        assertThat(client.options().connection().database()).isEqualTo("app");
        assertThat(client.query("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").scalarLong())
                .isEqualTo(2);
        List<String> sqls = matrixOne.statements().sqls();
        assertThat(sqls).anyMatch(s -> s.startsWith("CREATE SNAPSHOT `pre_migration_"))
                .anyMatch(s -> s.startsWith("DROP SNAPSHOT `pre_migration_"));
    }

    @Test
    void anOrderIsOneUnifiedTransactionAndItsSnapshotIsTakenAtCommit() throws Exception {
        String name = unique("ann");
        String snapshot = unique("after_order");
        int before = matrixOne.statements().size();
        HttpResponse<String> placed = send("POST", "/customers/" + name + "/orders?amount=5&snapshot=" + snapshot);
        assertThat(placed.statusCode()).isEqualTo(200);
        assertThat(placed.body()).contains("\"ordersOfCustomer\":1", "\"snapshot\":\"" + snapshot + "\"");
        assertThat(customers.findByName(name)).isPresent();
        assertThat(send("GET", "/customers").body()).contains("{\"name\":\"" + name + "\",\"orders\":1}");
        assertThat(send("GET", "/snapshots").body()).contains(snapshot);

        List<String> all = matrixOne.statements().sqls();
        List<String> sqls = all.subList(before, all.size());
        int insertCustomer = indexOf(sqls, "insert into customers");
        int insertOrder = indexOf(sqls, "INSERT INTO orders");
        int commit = sqls.indexOf("COMMIT");
        int createSnapshot = indexOf(sqls, "CREATE SNAPSHOT `" + snapshot + "`");
        assertThat(insertCustomer).isNotNegative().isLessThan(insertOrder);
        assertThat(commit).isGreaterThan(insertOrder);
        assertThat(createSnapshot).isGreaterThan(commit);
        assertThat(client.poolStats().active()).isZero();
    }

    @Test
    void aFailingOrderLeavesNoRowAndNoSnapshot() throws Exception {
        String name = unique("bob");
        String snapshot = unique("never");
        HttpResponse<String> refused = send("POST", "/customers/" + name + "/orders?amount=0&snapshot=" + snapshot);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(customers.findByName(name)).isEmpty();
        assertThat(client.query("SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = ?",
                name).scalarLong()).isZero();
        assertThat(client.snapshots().exists(snapshot)).isFalse();
        assertThat(matrixOne.statements().containsSql("CREATE SNAPSHOT `" + snapshot)).isFalse();
    }

    @Autowired
    OrderService orders;

    @Test
    void jpaChangesAreFlushedBeforeTheSdksStatementsInTheSameTransaction() {
        String name = unique("dora");
        orders.place(name, 2, null);
        int before = matrixOne.statements().size();
        assertThat(orders.rename(name, name + "_x")).isEqualTo(name + "_x");
        List<String> sqls = matrixOne.statements().sqls();
        List<String> mine = sqls.subList(before, sqls.size());
        assertThat(indexOf(mine, "update customers")).isLessThan(indexOf(mine, "SELECT name FROM customers"))
                .isNotNegative();
        assertThat(customers.findByName(name + "_x")).isPresent();
    }

    @Test
    void healthAndMetricsAreExposed() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"matrixOne\":\\{\"details\":\\{\"version\":\"MatrixOne "
                + matrixOne.version() + "\"[^}]*},\"status\":\"UP\"}");
        send("POST", "/customers/" + unique("cy") + "/orders?amount=3");
        HttpResponse<String> metric = send("GET", "/actuator/metrics/matrixone.statements");
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"kind\"", "BEGIN", "SELECT", "COMMIT"); // the SDK's statements; JPA and JdbcTemplate send theirs past it
        assertThat(send("GET", "/actuator/metrics/matrixone.pool.active").statusCode()).isEqualTo(200);
    }

    private static int indexOf(List<String> sqls, String part) {
        for (int i = 0; i < sqls.size(); i++) {
            if (sqls.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}

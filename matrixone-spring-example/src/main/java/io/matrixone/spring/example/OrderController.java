package io.matrixone.spring.example;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.Snapshot;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The REST face of the example. */
@RestController
public class OrderController {

    /** A customer with the number of its orders. */
    public record CustomerOrders(String name, long orders) {
    }

    private final OrderService orders;
    private final MatrixOneClient client;

    public OrderController(OrderService orders, MatrixOneClient client) {
        this.orders = orders;
        this.client = client;
    }

    /** Places an order in one unified transaction; {@code snapshot} names a snapshot taken at its commit. */
    @PostMapping("/customers/{name}/orders")
    public OrderService.Placed place(@PathVariable String name, @RequestParam long amount,
                                     @RequestParam(required = false) String snapshot) {
        return orders.place(name, amount, snapshot);
    }

    @GetMapping("/customers")
    public List<CustomerOrders> customers() {
        return client.query("SELECT c.name, COUNT(o.id) AS orders FROM customers c LEFT JOIN orders o "
                + "ON o.customer_id = c.id GROUP BY c.name ORDER BY c.name").as(CustomerOrders.class);
    }

    @GetMapping("/snapshots")
    public List<String> snapshots() {
        return client.snapshots().list().stream().map(Snapshot::name).toList();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String refused(IllegalArgumentException e) {
        return e.getMessage();
    }
}

package io.matrixone.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on the MatrixOne starter: one property ({@code matrixone.url}) gives it the client,
 * the DataSource JPA and Flyway use, {@code @Transactional} unified transactions, health and metrics.
 */
@SpringBootApplication
public class ExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}

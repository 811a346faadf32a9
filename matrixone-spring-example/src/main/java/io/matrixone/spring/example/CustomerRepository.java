package io.matrixone.spring.example;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data JPA: its methods join the caller's MatrixOne transaction. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {
    Optional<Customer> findByName(String name);
}

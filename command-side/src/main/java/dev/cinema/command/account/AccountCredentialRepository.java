package dev.cinema.command.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountCredentialRepository extends JpaRepository<AccountCredential, String> {

    Optional<AccountCredential> findByEmail(String email);

    boolean existsByEmail(String email);
}

package dev.cinema.query.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The name an account registered with: how its reviews are signed. Its e-mail is never kept here. */
@Entity
@Table(name = "film_reviewer", schema = "read_model")
class ReviewerRow {

    @Id
    @Column(name = "account_id", length = 64)
    String accountId;

    @Column(name = "display_name", nullable = false, length = 100)
    String displayName;

    protected ReviewerRow() {}

    ReviewerRow(String accountId) {
        this.accountId = accountId;
    }
}

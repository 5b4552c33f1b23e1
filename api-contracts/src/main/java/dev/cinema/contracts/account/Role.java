package dev.cinema.contracts.account;

/** What an account may do. Every account is a CUSTOMER; admins grant the others. */
public enum Role {
    CUSTOMER,
    ADMIN,
    AUDITOR,
    ANALYST
}

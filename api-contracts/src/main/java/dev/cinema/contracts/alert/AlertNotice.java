package dev.cinema.contracts.alert;

/**
 * What a live inbox hears: a new alert ({@code alert}, null when only alerts were read) and the
 * unread count after it.
 */
public record AlertNotice(AlertView alert, long unreadCount) {}

package dev.cinema.command.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.payment.ChargePaymentCommand;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.RequestPaymentCommand;
import dev.cinema.platform.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent payment requests: the first request with a key records which payment it starts;
 * the same key again (a retry after a timeout, a double click) drives that same payment, whose
 * provider calls are themselves idempotent, so it is never charged twice.
 */
@Component
class PaymentRequests {

    private final PaymentRequestRecords records;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentRequests(
            PaymentRequestRecords records, CommandGateway commands, TransactionTemplate transactions, Clock clock) {
        this.records = records;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    PayingForBookings.Result pay(BookingId bookingId, AccountId customer, String idempotencyKey, String paymentMethod) {
        String fingerprint = fingerprint(bookingId.value(), paymentMethod);
        Optional<PaymentRequestRecord> earlier =
                records.findByCustomerIdAndIdempotencyKey(customer.value(), idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, bookingId, customer, paymentMethod);
        }
        PaymentId paymentId = PaymentId.random();
        try {
            transactions.executeWithoutResult(status -> records.saveAndFlush(new PaymentRequestRecord(
                    paymentId.value(), customer.value(), idempotencyKey, fingerprint, clock.instant())));
        } catch (DataIntegrityViolationException race) {
            PaymentRequestRecord winner = records.findByCustomerIdAndIdempotencyKey(customer.value(), idempotencyKey)
                    .orElseThrow(() -> race);
            return replay(winner, fingerprint, bookingId, customer, paymentMethod);
        }
        try {
            commands.sendAndWait(new RequestPaymentCommand(paymentId, bookingId, customer, paymentMethod));
        } catch (RuntimeException refused) {
            // Nothing of a refused request stays: the key may be used again once the cause is fixed.
            transactions.executeWithoutResult(status -> records.deleteById(paymentId.value()));
            throw refused;
        }
        return commands.sendAndWait(new ChargePaymentCommand(paymentId));
    }

    private PayingForBookings.Result replay(
            PaymentRequestRecord earlier,
            String fingerprint,
            BookingId bookingId,
            AccountId customer,
            String paymentMethod) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new Refusal(
                    "idempotency-key-reused",
                    "Idempotency-Key",
                    "This Idempotency-Key was used for a different payment request");
        }
        PaymentId paymentId = PaymentId.of(earlier.paymentId());
        try {
            return commands.sendAndWait(new ChargePaymentCommand(paymentId));
        } catch (CommandExecutionException e) {
            // The first request stopped between recording its key and recording its payment.
            if (e.getCause() instanceof Refusal missing && "payment-not-found".equals(missing.code())) {
                commands.sendAndWait(new RequestPaymentCommand(paymentId, bookingId, customer, paymentMethod));
                return commands.sendAndWait(new ChargePaymentCommand(paymentId));
            }
            throw e;
        }
    }

    private static String fingerprint(String bookingId, String paymentMethod) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bookingId + "|" + paymentMethod).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.cinema.command.payment;

import dev.cinema.contracts.common.Money;

/**
 * The port to a payment service provider. Every call carries an idempotency key: the provider
 * answers a repeated key with the first answer, so a call can be retried after a crash or a
 * timeout without charging (or refunding) twice. Payment methods are the provider's tokens; card
 * numbers never reach this system.
 */
public interface PaymentServiceProvider {

    /** Captures {@code amount} from the payment method, or says why not. */
    Charge charge(String idempotencyKey, Money amount, String paymentMethod);

    /** Gives back (part of) a captured payment; answers the provider's refund reference. */
    String refund(String idempotencyKey, String captureReference, Money amount);

    /** The provider's answer to a charge. */
    sealed interface Charge permits Captured, Declined {}

    record Captured(String reference) implements Charge {}

    record Declined(String reason) implements Charge {}

    /** The provider did not answer in time, or not at all: whether it charged is unknown, so retry. */
    class ProviderUnavailableException extends RuntimeException {
        public ProviderUnavailableException(String message) {
            super(message);
        }
    }
}

package dev.cinema.command.payment;

/** Extra members of the problems the payment and refund operations answer, as the API documents show them. */
final class PaymentProblems {

    private PaymentProblems() {}

    /** 402, 409 or 503 of a payment: how the payment ended, when it was recorded. */
    record PaymentProblem(PaymentController.PaymentResponse payment) {}

    /** 422 of a refund the policy refused: the refund as recorded, rejected. */
    record RefundProblem(RefundController.RefundResponse refund) {}
}

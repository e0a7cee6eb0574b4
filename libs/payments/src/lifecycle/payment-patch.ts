import type { PaymentEntity } from '../entities/payment.entity.js';

/** Fields a transition may update together with the status. */
export type PaymentPatch = Partial<
  Pick<
    PaymentEntity,
    | 'gatewayTransactionId'
    | 'gatewayStatus'
    | 'cardBrand'
    | 'cardLast4'
    | 'cardExpiryMonth'
    | 'cardExpiryYear'
    | 'nextAction'
    | 'refundedAmount'
    | 'capturedAmount'
    | 'captureExpiresAt'
    | 'savedCardId'
  >
>;

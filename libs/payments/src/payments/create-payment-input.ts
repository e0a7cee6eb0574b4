import { createHash } from 'node:crypto';
import { ValidationFailedError } from '../errors/common.errors.js';
import type { PaymentEntity, PaymentMetadata } from '../entities/payment.entity.js';
import type {
  CaptureMode,
  CardInput,
  CustomerInput,
  DirectCardOrderRequest,
  NotificationMethod,
  RecurringSetup,
} from '../gateway/orders.gateway.js';
import type { SavedCardForPayment } from '../saved-cards/saved-cards.service.js';
import { detectBrand } from './card.js';

/** What every create request has, whichever way it pays. */
type PaymentBasics = Omit<
  DirectCardOrderRequest,
  'notificationUrl' | 'notificationMethod' | 'card' | 'customer' | 'recurring' | 'captureMode'
> & {
  notificationMethod?: NotificationMethod;
  metadata?: PaymentMetadata;
};

/** A payment with card data; `recurring` asks MultiSafepay to keep the card (a first payment). */
export type CardPaymentInput = PaymentBasics & {
  card: CardInput;
  customer: CustomerInput;
  recurring?: RecurringSetup;
  captureMode?: CaptureMode;
  savedCardId?: undefined;
};

/**
 * A payment with a saved card (docs/design.md#saved-cards): no card data, no CVC, no 3-D
 * Secure; `recurring` names its customer and model.
 */
export type SavedCardPaymentInput = PaymentBasics & {
  savedCardId: string;
  recurring: RecurringSetup;
  customer?: CustomerInput;
  card?: undefined;
  captureMode?: 'automatic';
};

/** What a caller asks for: a card payment, or a saved card payment. */
export type CreatePaymentInput = CardPaymentInput | SavedCardPaymentInput;

/**
 * A create request as the API validated it: either `card` and `customer` (with `recurring` to
 * save the card) or `savedCardId` with `recurring`. `toCreatePaymentInput` tells which.
 */
export type CreatePaymentRequest = PaymentBasics & {
  card?: CardInput;
  customer?: CustomerInput;
  recurring?: RecurringSetup;
  savedCardId?: string;
  captureMode?: CaptureMode;
};

/**
 * Which of the two a request is. The API's validation already refuses any other shape; here it
 * is a 4xx before anything is written, never a payment left `unknown`. The request's own keys
 * and values are kept: its fingerprint is the same either way.
 */
export function toCreatePaymentInput(request: CreatePaymentRequest): CreatePaymentInput {
  const { card, customer, recurring, savedCardId, captureMode, ...basics } = request;
  if (savedCardId !== undefined) {
    const problems = [
      ...(recurring ? [] : [{ field: 'recurring', messages: ['is required with savedCardId'] }]),
      ...(card ? [{ field: 'card', messages: ['cannot be combined with savedCardId'] }] : []),
      ...(captureMode === 'manual'
        ? [{ field: 'captureMode', messages: ['cannot be manual with savedCardId'] }]
        : []),
    ];
    if (!recurring || card || captureMode === 'manual') throw new ValidationFailedError(problems);
    return { ...basics, savedCardId, recurring, customer, captureMode };
  }
  if (!card || !customer) {
    throw new ValidationFailedError(
      [
        card ? null : { field: 'card', messages: ['is required unless savedCardId is given'] },
        customer
          ? null
          : { field: 'customer', messages: ['is required unless savedCardId is given'] },
      ].filter((p) => p !== null),
    );
  }
  return { ...basics, card, customer, recurring, captureMode };
}

/**
 * What makes two create requests "the same". The full card number is left out on purpose: an
 * unkeyed hash of a PAN counts as card data (PCI DSS). Last 4, expiry and holder are in.
 */
export function fingerprint(input: CreatePaymentInput | CreatePaymentRequest): string {
  const { card, ...rest } = input;
  const canonical = JSON.stringify(
    sortKeys({
      ...rest,
      card: card && {
        last4: card.number.slice(-4),
        length: card.number.length,
        holder: card.holder,
        expiryMonth: card.expiryMonth,
        expiryYear: card.expiryYear,
      },
    }),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** What the payment row shows of its card: the card given, or the saved card paid with. */
export function cardColumns(
  input: CreatePaymentInput,
  saved: SavedCardForPayment | undefined,
): Pick<PaymentEntity, 'cardBrand' | 'cardLast4' | 'cardExpiryMonth' | 'cardExpiryYear'> {
  if (input.card) {
    return {
      cardBrand: detectBrand(input.card.number),
      cardLast4: input.card.number.slice(-4),
      cardExpiryMonth: input.card.expiryMonth,
      cardExpiryYear: input.card.expiryYear,
    };
  }
  return {
    cardBrand: saved?.card.brand ?? null,
    cardLast4: saved?.card.last4 ?? null,
    cardExpiryMonth: saved?.card.expiryMonth ?? null,
    cardExpiryYear: saved?.card.expiryYear ?? null,
  };
}

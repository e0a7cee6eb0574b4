import { GatewayOrderNotFoundError } from './gateway.errors.js';

/**
 * The port through which the payments domain talks to MultiSafepay. `libs/multisafepay` binds the
 * adapter; services never see HTTP or wire types. Every method either resolves with domain data or
 * rejects with one of the errors in `gateway.errors.ts`.
 */

/** MultiSafepay's order statuses, normalised (`chargeback` → `chargedback`). */
export const GATEWAY_ORDER_STATUSES = [
  'initialized',
  'uncleared',
  'reserved',
  'completed',
  'declined',
  'cancelled',
  'void',
  'expired',
  'refunded',
  'partial_refunded',
  'chargedback',
  'shipped',
] as const;
export type GatewayOrderStatus = (typeof GATEWAY_ORDER_STATUSES)[number];

export type NotificationMethod = 'GET' | 'POST';

/** 3DS2 device data (docs/multisafepay.md#customer-and-3-d-secure-device-data), passed through as given. */
export interface BrowserInfo {
  javascriptEnabled?: boolean;
  javaEnabled?: boolean;
  cookiesEnabled?: boolean;
  language?: string;
  screenColorDepth?: number;
  screenHeight?: number;
  screenWidth?: number;
  timeZone?: number;
  userAgent?: string;
  platform?: string;
}

export interface CardInput {
  /** The PAN: lives in memory for this call only. */
  number: string;
  holder: string;
  expiryMonth: number;
  /** Four digits, e.g. 2030. */
  expiryYear: number;
  /** Lives in memory for this call only. */
  cvc?: string;
}

export interface CustomerInput {
  email?: string;
  firstName?: string;
  lastName?: string;
  locale?: string;
  ipAddress?: string;
  forwardedIp?: string;
  userAgent?: string;
  phone?: string;
  address1?: string;
  houseNumber?: string;
  zipCode?: string;
  city?: string;
  country?: string;
  reference?: string;
  browser?: BrowserInfo;
}

/**
 * `automatic`: the card is charged when authorised (MultiSafepay's default). `manual`: it is only
 * authorised; the money moves with `captureOrder` (docs/multisafepay.md#manual-capture). Needs activation by
 * MultiSafepay, and only Visa, Mastercard and Maestro support it.
 */
export type CaptureMode = 'manual' | 'automatic';

/**
 * How a stored card will be used (docs/multisafepay.md#tokens): `cardOnFile` (customer-initiated
 * one-click), `subscription` (fixed schedule), `unscheduled` (merchant-initiated, event-driven).
 */
export const RECURRING_MODELS = ['cardOnFile', 'subscription', 'unscheduled'] as const;
export type RecurringModel = (typeof RECURRING_MODELS)[number];

/** Asks MultiSafepay to keep the card as a token (a "first payment", docs/design.md#saved-cards). */
export interface RecurringSetup {
  model: RecurringModel;
  /** Our customer id; the token is filed under it. Sent as `customer.reference`, over any other. */
  customerReference: string;
}

export interface DirectCardOrderRequest {
  /** MultiSafepay `order_id`: unique per site, at most 50 characters. */
  orderId: string;
  /** Integer minor units. */
  amount: number;
  /** ISO-4217 code. */
  currency: string;
  description: string;
  card: CardInput;
  customer: CustomerInput;
  redirectUrl?: string;
  cancelUrl?: string;
  notificationUrl: string;
  notificationMethod: NotificationMethod;
  /** Default `automatic`. */
  captureMode?: CaptureMode;
  /** Keep the card for later payments; the token comes back as `GatewayOrder.recurring`. */
  recurring?: RecurringSetup;
}

/**
 * A payment with a stored card (docs/multisafepay.md#paying-with-a-token): no card number, no CVC, no 3-D
 * Secure step. `recurringId` can charge the card: it must never reach a log or an error.
 */
export interface TokenOrderRequest {
  /** MultiSafepay `order_id`: unique per site, at most 50 characters. */
  orderId: string;
  /** Integer minor units. */
  amount: number;
  /** ISO-4217 code. */
  currency: string;
  description: string;
  /** The token (`recurring_id`) of the first payment. */
  recurringId: string;
  /** The model the token was created with. */
  model: RecurringModel;
  /** The customer the token is filed under. */
  customerReference: string;
  /** Optional shopper data (e.g. the IP address of a customer-initiated payment). */
  customer?: Omit<CustomerInput, 'reference' | 'browser'>;
  redirectUrl?: string;
  cancelUrl?: string;
  notificationUrl: string;
  notificationMethod: NotificationMethod;
}

export interface GatewayCardDetails {
  /** `VISA`, `MASTERCARD`, `AMEX`, `MAESTRO`, … as MultiSafepay reports it. */
  brand: string | null;
  last4: string | null;
  /** `YYMM`, as MultiSafepay reports it. */
  expiry: string | null;
}

export interface GatewayRelatedTransaction {
  transactionId: string;
  /**
   * `capture`, `refund`, `chargeback`, `reverse-chargeback`, `auth-cancellation`, … lower-case, as
   * MultiSafepay names it (`reverse_chargeback` is read as `reverse-chargeback`).
   */
  type: string;
  status: string;
  amount: number;
  currency: string;
  /** The transaction's own order id (a capture's or refund's order), when MultiSafepay gives it. */
  orderId: string | null;
  /** For refunds: the `refund_order_id` given when it was requested. */
  refundOrderId: string | null;
}

/**
 * An order authorised with `captureMode: 'manual'` (`payment_details.capture: "manual"`).
 */
export interface GatewayCaptureState {
  mode: 'manual';
  /**
   * When the authorisation lapses (`capture_expiry`). MultiSafepay gives it without an offset; it
   * is read as Europe/Amsterdam wall time, the earlier of the plausible readings (UTC would be 1–2 h
   * later), so an expiry is never thought further away than it is. An explicit offset is honoured.
   * Null when absent or unreadable: treat that as expired (as MultiSafepay's Magento plugin does).
   */
  expiresAt: Date | null;
  /** Minor units still capturable (`capture_remain`); 0 when MultiSafepay did not say. */
  remaining: number;
}

/** The token of a card MultiSafepay kept (`payment_details.recurring_id`). */
export interface GatewayRecurring {
  /** The token: it can charge the card. Never log it, never put it in an error. */
  id: string;
  /**
   * The model it was created with (`recurring_model`). Null when MultiSafepay filled a
   * `recurring_id` on an order sent without a model: do not treat that id as a saved card.
   */
  model: string | null;
}

/**
 * An order as MultiSafepay reports it. Beware: `status: 'completed'` with `financialStatus:
 * 'initialized'` and `capture.mode: 'manual'` is an open authorisation, never "paid": nothing is
 * collected until `captureOrder`. A partly captured authorisation stays so while `capture.remaining`
 * is above 0; a released remainder shows as a related `auth-cancellation`.
 */
export interface GatewayOrder {
  orderId: string;
  /** MultiSafepay's PSP id, kept as a string: it exceeds 2^53. Null when no transaction exists (1024 decline). */
  transactionId: string | null;
  status: GatewayOrderStatus;
  financialStatus: string | null;
  amount: number;
  amountRefunded: number;
  currency: string;
  reason: string | null;
  reasonCode: string | null;
  card: GatewayCardDetails | null;
  /** Where to send the shopper for 3-D Secure (recommended). */
  paymentUrl: string | null;
  /** The self-submitting 3-D Secure form, when MultiSafepay gave one. */
  customerVerification: { type: 'form'; html: string } | null;
  relatedTransactions: GatewayRelatedTransaction[];
  /** Manual capture state; null for an automatically captured order. */
  capture: GatewayCaptureState | null;
  /** The stored card's token, when MultiSafepay returned one; null otherwise. */
  recurring: GatewayRecurring | null;
}

export interface RefundRequest {
  /** Minor units; must not exceed what remains refundable. */
  amount: number;
  currency: string;
  description?: string;
  /** Our id of the refund at MultiSafepay; lets a retry find a refund whose answer was lost. */
  refundOrderId?: string;
}

export interface GatewayRefund {
  transactionId: string;
  refundId: string | null;
}

export interface CaptureRequest {
  /** Minor units: the whole `capture.remaining` for a full capture, less for a partial one. */
  amount: number;
  /**
   * Our id for the capture order (at most 50 characters). Keep it stable across retries of one
   * capture. MultiSafepay may not use it (a full capture answered with the original order id).
   */
  newOrderId: string;
  description?: string;
  invoiceId?: string;
  reason?: string;
}

export interface GatewayCapture {
  /** The capture transaction's PSP id. */
  transactionId: string;
  /**
   * The order id MultiSafepay answered with: the capture order's, or (seen on full captures) the
   * original's. Store it as given: a refund of this capture names it.
   */
  orderId: string;
}

export interface ReleaseAuthorizationRequest {
  /** Why the authorisation is released (MultiSafepay requires one). */
  reason: string;
  description?: string;
}

export interface GatewayRelease {
  /** The cancellation's PSP id, when MultiSafepay gave one (its answer may be empty). */
  transactionId: string | null;
}

/** A card MultiSafepay keeps for a customer (`GET /recurring/{reference}`). */
export interface GatewayToken {
  /** The token (`recurring_id`): it can charge the card. Never log it, never put it in an error. */
  token: string;
  /**
   * MultiSafepay's gateway code: `VISA`, `MASTERCARD`, `AMEX`, `MAESTRO`; tokens are per account,
   * so a non-card code (e.g. `DIRDEB`) may also appear.
   */
  brand: string | null;
  last4: string | null;
  expiryMonth: number | null;
  /** Four digits, e.g. 2045. */
  expiryYear: number | null;
  /** Null when MultiSafepay named no model it knows. */
  model: RecurringModel | null;
  expired: boolean;
}

/**
 * GET /orders/{orderId}, or undefined when MultiSafepay has no such order (a call that never
 * reached it). Any other error is the caller's.
 */
export async function readOrderIfExists(
  gateway: OrdersGateway,
  orderId: string,
): Promise<GatewayOrder | undefined> {
  try {
    return await gateway.getOrder(orderId);
  } catch (error) {
    if (error instanceof GatewayOrderNotFoundError) return undefined;
    throw error;
  }
}

export abstract class OrdersGateway {
  /**
   * POST /orders with type `direct`, gateway `CREDITCARD`. A declined card resolves with status
   * `declined`; an order id MultiSafepay already has rejects with `GatewayOrderIdTakenError`.
   */
  abstract createDirectCardOrder(request: DirectCardOrderRequest): Promise<GatewayOrder>;

  /** GET /orders/{orderId}. Rejects with `GatewayOrderNotFoundError` when MultiSafepay has no such order. */
  abstract getOrder(orderId: string): Promise<GatewayOrder>;

  /** POST /orders/{orderId}/refunds. */
  abstract refund(orderId: string, request: RefundRequest): Promise<GatewayRefund>;

  /** PATCH /orders/{orderId} `{status: "cancelled"}` for an order still awaiting the shopper. */
  abstract cancelOrder(orderId: string): Promise<void>;

  /**
   * POST /orders with the stored card's token: no card, no CVC. A declined card resolves with
   * status `declined`; a token MultiSafepay keeps no longer for the customer (or recurring not
   * activated) rejects with `GatewayTokenNotFoundError`, an order id it already has with
   * `GatewayOrderIdTakenError`. Other refusals reject with `GatewayRejectedError`; no message
   * ever holds the token.
   */
  abstract createTokenOrder(request: TokenOrderRequest): Promise<GatewayOrder>;

  /**
   * POST /orders/{orderId}/capture on an open manual authorisation. Rejects with
   * `GatewayOrderNotFoundError` for an unknown order (1000). Any other refusal is a
   * `GatewayRejectedError`; 1006 may also mean `newOrderId` was used already, i.e. an earlier
   * attempt got through: settle a doubtful capture by reading the order, never by a blind retry.
   */
  abstract captureOrder(orderId: string, request: CaptureRequest): Promise<GatewayCapture>;

  /** PATCH /capture/{orderId}: releases what is left of a manual authorisation. */
  abstract releaseAuthorization(
    orderId: string,
    request: ReleaseAuthorizationRequest,
  ): Promise<GatewayRelease>;

  /**
   * GET /recurring/{customerReference}, every page. A customer without tokens resolves with none
   * (MultiSafepay answers 1000 "Not found" rather than an empty list).
   */
  abstract listTokens(customerReference: string): Promise<GatewayToken[]>;

  /** GET /recurring/{customerReference}/token/{token}. Rejects with `GatewayTokenNotFoundError`. */
  abstract getToken(customerReference: string, token: string): Promise<GatewayToken>;

  /** DELETE /recurring/{customerReference}/remove/{token}. Also resolves when it was gone already (1000). */
  abstract deleteToken(customerReference: string, token: string): Promise<void>;
}

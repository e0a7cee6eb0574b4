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

/** 3DS2 device data (msp-api.md §2.5), passed through as given. */
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
  type: string;
  status: string;
  amount: number;
  currency: string;
  /** For refunds: the `refund_order_id` given when it was requested. */
  refundOrderId: string | null;
}

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

export abstract class OrdersGateway {
  /** POST /orders with type `direct`, gateway `CREDITCARD`. A declined card resolves with status `declined`. */
  abstract createDirectCardOrder(request: DirectCardOrderRequest): Promise<GatewayOrder>;

  /** GET /orders/{orderId}. Rejects with `GatewayOrderNotFoundError` when MultiSafepay has no such order. */
  abstract getOrder(orderId: string): Promise<GatewayOrder>;

  /** POST /orders/{orderId}/refunds. */
  abstract refund(orderId: string, request: RefundRequest): Promise<GatewayRefund>;

  /** PATCH /orders/{orderId} `{status: "cancelled"}` for an order still awaiting the shopper. */
  abstract cancelOrder(orderId: string): Promise<void>;
}

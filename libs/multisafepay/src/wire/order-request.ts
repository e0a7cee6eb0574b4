import type {
  BrowserInfo,
  CaptureRequest,
  CustomerInput,
  DirectCardOrderRequest,
  ReleaseAuthorizationRequest,
  TokenOrderRequest,
} from '@app/payments';

/** Drops undefined members so the wire body carries only what the caller gave. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function browser(b: BrowserInfo): Record<string, unknown> {
  return compact({
    javascript_enabled: b.javascriptEnabled,
    java_enabled: b.javaEnabled,
    cookies_enabled: b.cookiesEnabled,
    language: b.language,
    screen_color_depth: b.screenColorDepth,
    screen_height: b.screenHeight,
    screen_width: b.screenWidth,
    time_zone: b.timeZone,
    user_agent: b.userAgent,
    platform: b.platform,
  });
}

function customer(c: CustomerInput): Record<string, unknown> {
  return compact({
    locale: c.locale,
    ip_address: c.ipAddress,
    forwarded_ip: c.forwardedIp,
    first_name: c.firstName,
    last_name: c.lastName,
    address1: c.address1,
    house_number: c.houseNumber,
    zip_code: c.zipCode,
    city: c.city,
    country: c.country,
    phone: c.phone,
    email: c.email,
    user_agent: c.userAgent,
    reference: c.reference,
    browser: c.browser ? browser(c.browser) : undefined,
  });
}

function paymentOptions(
  request: Pick<
    DirectCardOrderRequest,
    'notificationUrl' | 'notificationMethod' | 'redirectUrl' | 'cancelUrl'
  >,
): Record<string, unknown> {
  return compact({
    notification_url: request.notificationUrl,
    notification_method: request.notificationMethod,
    redirect_url: request.redirectUrl,
    cancel_url: request.cancelUrl,
    close_window: false,
  });
}

/** `POST /orders` body for a direct card payment (docs/multisafepay.md#creating-a-direct-card-order). Holds the PAN: never log it. */
export function toDirectOrderBody(request: DirectCardOrderRequest): Record<string, unknown> {
  const yymm = `${String(request.card.expiryYear % 100).padStart(2, '0')}${String(request.card.expiryMonth).padStart(2, '0')}`;
  const customerBody = request.recurring
    ? { ...request.customer, reference: request.recurring.customerReference }
    : request.customer;
  return compact({
    type: 'direct',
    gateway: 'CREDITCARD',
    order_id: request.orderId,
    currency: request.currency,
    amount: request.amount,
    description: request.description,
    // "manual" is the only documented value (docs/multisafepay.md#manual-capture): automatic sends nothing.
    capture: request.captureMode === 'manual' ? 'manual' : undefined,
    // Top level, as every example, SDK and plugin sends it; the card schema's nested
    // `recurring: {model}` is the odd one out (docs/multisafepay.md#first-payment).
    recurring_model: request.recurring?.model,
    payment_options: paymentOptions(request),
    customer: customer(customerBody),
    gateway_info: compact({
      card_number: request.card.number,
      card_holder_name: request.card.holder,
      card_expiry_date: yymm,
      card_cvc: request.card.cvc,
    }),
  });
}

/**
 * `POST /orders` body for a payment with a stored card (docs/multisafepay.md#paying-with-a-token). No
 * `gateway` (the current example and hyperswitch omit it, docs/multisafepay.md#open-questions), no `gateway_info`, no CVC.
 * Holds the token: never log it.
 */
export function toTokenOrderBody(request: TokenOrderRequest): Record<string, unknown> {
  return {
    type: 'direct',
    order_id: request.orderId,
    currency: request.currency,
    amount: request.amount,
    description: request.description,
    recurring_id: request.recurringId,
    recurring_model: request.model,
    payment_options: paymentOptions(request),
    customer: customer({ ...request.customer, reference: request.customerReference }),
  };
}

/** `POST /orders/{id}/capture` body (docs/multisafepay.md#capturing). */
export function toCaptureBody(request: CaptureRequest): Record<string, unknown> {
  return compact({
    // Always sent: the schema requires it, and a full capture without it is an undocumented default.
    amount: request.amount,
    new_order_id: request.newOrderId,
    new_order_status: 'completed',
    description: request.description,
    invoice_id: request.invoiceId,
    reason: request.reason,
  });
}

/** `PATCH /capture/{id}` body (docs/multisafepay.md#releasing). */
export function toReleaseBody(request: ReleaseAuthorizationRequest): Record<string, unknown> {
  return compact({
    status: 'cancelled',
    reason: request.reason,
    description: request.description,
  });
}

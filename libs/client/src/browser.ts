// The client for browsers (the operators' console): everything but webhook verification,
// which is for servers (it needs node:crypto, and a browser never holds a signing secret).
export {
  createPaymentsClient,
  type Capture,
  type CreatePaymentRequest,
  type CreateRefundRequest,
  type Event,
  type EventDelivery,
  type Me,
  type Payment,
  type PaymentHistoryEntry,
  type PaymentNotification,
  type PaymentsClient,
  type PaymentsClientOptions,
  type PaymentStatus,
  type Refund,
  type SavedCard,
  type Schema,
  type Scope,
  type WebhookEndpoint,
} from './client.js';
export { PaymentsApiError, PaymentsConnectionError, type ApiErrorBody } from './errors.js';
export { idempotentCreate, type IdempotentCreateOptions, type RetryInfo } from './idempotency.js';
export { paginate, type ItemOf, type Page } from './paginate.js';
export { unwrap, type ApiResult, type DataOf } from './result.js';
export type { components, operations, paths } from './generated/openapi.js';

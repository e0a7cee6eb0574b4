export {
  createPaymentsClient,
  type Capture,
  type Event,
  type EventDelivery,
  type Me,
  type PaymentHistoryEntry,
  type PaymentNotification,
  type Scope,
  type WebhookEndpoint,
  type CreatePaymentRequest,
  type CreateRefundRequest,
  type SavedCard,
  type Payment,
  type PaymentsClient,
  type PaymentsClientOptions,
  type PaymentStatus,
  type Refund,
  type Schema,
} from './client.js';
export { PaymentsApiError, PaymentsConnectionError, type ApiErrorBody } from './errors.js';
export { idempotentCreate, type IdempotentCreateOptions, type RetryInfo } from './idempotency.js';
export { paginate, type ItemOf, type Page } from './paginate.js';
export { unwrap, type ApiResult, type DataOf } from './result.js';
export {
  verifyWebhook,
  WebhookVerificationError,
  type EventOf,
  type PaymentsEvent,
  type PaymentsEventBody,
  type VerifyWebhookOptions,
  type WebhookHeaders,
  type WebhookVerificationFailure,
} from './webhooks.js';
export type { components, operations, paths } from './generated/openapi.js';

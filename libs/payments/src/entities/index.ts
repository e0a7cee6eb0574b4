import { IdempotencyKeyEntity } from './idempotency-key.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationReadEntity } from './notification-read.entity.js';
import { NotificationRefusalEntity } from './notification-refusal.entity.js';
import { PaymentEventEntity } from './payment-event.entity.js';
import { RefundEntity } from './refund.entity.js';
import { PaymentEntity } from './payment.entity.js';
import { EventEntity } from './event.entity.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { EventDeliveryEntity } from './event-delivery.entity.js';
import { DeliveryAttemptEntity } from './delivery-attempt.entity.js';
import { CaptureEntity } from './capture.entity.js';
import { SavedCardEntity } from './saved-card.entity.js';

export { PaymentEntity, type NextAction, type PaymentMetadata } from './payment.entity.js';
export { CaptureEntity, CAPTURE_STATUSES, type CaptureStatus } from './capture.entity.js';
export { PaymentEventEntity } from './payment-event.entity.js';
export { IdempotencyKeyEntity, type IdempotencyState } from './idempotency-key.entity.js';

/** Every entity of the payments domain, for the DataSource and the migration generator. */
export const PAYMENTS_ENTITIES = [
  PaymentEntity,
  PaymentEventEntity,
  IdempotencyKeyEntity,
  NotificationEntity,
  RefundEntity,
  EventEntity,
  WebhookEndpointEntity,
  EventDeliveryEntity,
  DeliveryAttemptEntity,
  CaptureEntity,
  NotificationReadEntity,
  NotificationRefusalEntity,
  SavedCardEntity,
];
export {
  NotificationEntity,
  NOTIFICATION_OUTCOMES,
  type NotificationOutcome,
} from './notification.entity.js';
export { RefundEntity, REFUND_STATUSES, type RefundStatus } from './refund.entity.js';
export { EventEntity } from './event.entity.js';
export {
  WebhookEndpointEntity,
  WEBHOOK_ENDPOINT_STATUSES,
  type WebhookEndpointStatus,
} from './webhook-endpoint.entity.js';
export {
  EventDeliveryEntity,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type DeliveryChannel,
  type DeliveryStatus,
} from './event-delivery.entity.js';
export { DeliveryAttemptEntity } from './delivery-attempt.entity.js';
export { NotificationReadEntity } from './notification-read.entity.js';
export {
  NotificationRefusalEntity,
  REFUSAL_REASONS,
  type RefusalReason,
} from './notification-refusal.entity.js';
export { SavedCardEntity, SAVED_CARD_STATUSES, type SavedCardStatus } from './saved-card.entity.js';

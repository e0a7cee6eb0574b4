import { IdempotencyKeyEntity } from './idempotency-key.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationReadEntity } from './notification-read.entity.js';
import { NotificationRefusalEntity } from './notification-refusal.entity.js';
import { PaymentEventEntity } from './payment-event.entity.js';
import { RefundEntity } from './refund.entity.js';
import { PaymentEntity } from './payment.entity.js';

export { PaymentEntity, type NextAction, type PaymentMetadata } from './payment.entity.js';
export { PaymentEventEntity } from './payment-event.entity.js';
export { IdempotencyKeyEntity, type IdempotencyState } from './idempotency-key.entity.js';

/** Every entity of the payments domain, for the DataSource and the migration generator. */
export const PAYMENTS_ENTITIES = [
  PaymentEntity,
  PaymentEventEntity,
  IdempotencyKeyEntity,
  NotificationEntity,
  RefundEntity,
  NotificationReadEntity,
  NotificationRefusalEntity,
];
export {
  NotificationEntity,
  NOTIFICATION_OUTCOMES,
  type NotificationOutcome,
} from './notification.entity.js';
export { RefundEntity, REFUND_STATUSES, type RefundStatus } from './refund.entity.js';
export { NotificationReadEntity } from './notification-read.entity.js';
export {
  NotificationRefusalEntity,
  REFUSAL_REASONS,
  type RefusalReason,
} from './notification-refusal.entity.js';

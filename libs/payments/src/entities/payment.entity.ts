import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { CaptureMode, RecurringModel } from '../gateway/orders.gateway.js';
import type { PaymentStatus } from '../lifecycle/payment-status.js';

/** Caller-defined, flat key/value data stored with the payment. */
export type PaymentMetadata = Record<string, string | number | boolean>;

/** What the caller must do next for 3-D Secure; null when nothing is needed. */
export interface NextAction {
  type: 'redirect';
  url: string | null;
  form: { html: string } | null;
}

@Entity({ name: 'payments' })
@Index('ix_payments_status_created_at', ['status', 'createdAt'])
@Index('ix_payments_created_at_id', ['createdAt', 'id'])
@Index('ix_payments_open_updated_at', ['updatedAt'], {
  where: "status IN ('created', 'unknown', 'initialized', 'uncleared')",
})
// The payments search by a card's last 4 digits (GET /v1/payments?q=), newest first.
@Index('ix_payments_card_last4_created_at', ['cardLast4', 'createdAt'], {
  where: 'card_last4 IS NOT NULL',
})
@Index('ix_payments_authorized_expiry', ['captureExpiresAt'], { where: "status = 'authorized'" })
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The merchant's order id, sent to MultiSafepay as `order_id`. */
  @Index('uq_payments_order_id', { unique: true })
  @Column({ name: 'order_id', type: 'varchar', length: 50 })
  orderId!: string;

  /** The internal caller (API_KEYS name) that created the payment. */
  @Column({ name: 'client_id', type: 'varchar', length: 64, default: 'unknown' })
  clientId!: string;

  /** Integer minor units. */
  @Column({ type: 'integer' })
  amount!: number;

  /** ISO-4217 code. */
  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 200 })
  description!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: PaymentStatus;

  /** MultiSafepay's PSP id: a string, it exceeds 2^53. */
  @Index('uq_payments_gateway_transaction_id', {
    unique: true,
    where: 'gateway_transaction_id IS NOT NULL',
  })
  @Column({ name: 'gateway_transaction_id', type: 'varchar', length: 40, nullable: true })
  gatewayTransactionId!: string | null;

  /** The last status MultiSafepay reported, verbatim. */
  @Column({ name: 'gateway_status', type: 'varchar', length: 20, nullable: true })
  gatewayStatus!: string | null;

  @Column({ name: 'card_brand', type: 'varchar', length: 20, nullable: true })
  cardBrand!: string | null;

  @Column({ name: 'card_last4', type: 'char', length: 4, nullable: true })
  cardLast4!: string | null;

  @Column({ name: 'card_expiry_month', type: 'smallint', nullable: true })
  cardExpiryMonth!: number | null;

  @Column({ name: 'card_expiry_year', type: 'smallint', nullable: true })
  cardExpiryYear!: number | null;

  @Column({ name: 'next_action', type: 'jsonb', nullable: true })
  nextAction!: NextAction | null;

  /** Integer minor units refunded so far. */
  @Column({ name: 'refunded_amount', type: 'integer', default: 0 })
  refundedAmount!: number;

  @Column({ name: 'capture_mode', type: 'varchar', length: 9, default: 'automatic' })
  captureMode!: CaptureMode;

  /** Manual capture: integer minor units captured so far (refunds apply to this much only). */
  @Column({ name: 'captured_amount', type: 'integer', default: 0 })
  capturedAmount!: number;

  /** Manual capture: when the authorization lapses, as MultiSafepay reports it. */
  @Column({ name: 'capture_expires_at', type: 'timestamptz', nullable: true })
  captureExpiresAt!: Date | null;

  /** How MultiSafepay notifies us about this order (`payment_options.notification_method`). */
  @Column({ name: 'notification_method', type: 'varchar', length: 4, default: 'POST' })
  notificationMethod!: 'GET' | 'POST';

  /**
   * The caller's customer id, as MultiSafepay got it (`customer.reference`): `recurring.customerReference`
   * when given, which files a saved card under it (docs/design.md#saved-cards), else `customer.reference`.
   */
  @Column({ name: 'customer_reference', type: 'varchar', length: 50, nullable: true })
  customerReference!: string | null;

  /** The recurring model asked for: saving the card, or paying with a saved one. */
  @Column({ name: 'recurring_model', type: 'varchar', length: 12, nullable: true })
  recurringModel!: RecurringModel | null;

  /** The saved card this payment created or paid with (`saved_cards.id`). */
  @Index('ix_payments_saved_card_id', { where: 'saved_card_id IS NOT NULL' })
  @Column({ name: 'saved_card_id', type: 'varchar', length: 40, nullable: true })
  savedCardId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  metadata!: PaymentMetadata | null;

  /**
   * The reconciler's claim: no replica re-reads this payment before then. Claimed with
   * `FOR UPDATE SKIP LOCKED`, so replicas share the work without holding locks during HTTP calls.
   */
  @Column({ name: 'reconcile_after', type: 'timestamptz', nullable: true })
  reconcileAfter!: Date | null;

  @VersionColumn()
  version!: number;

  /**
   * The `sequence` of this payment's latest event (docs/design.md#events). Every write of an event sets it
   * together with `version`, so a move guarded by the version knows its event's number.
   */
  @Column({ name: 'event_sequence', type: 'integer', default: 0 })
  eventSequence!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_OUTCOMES = [
  'applied',
  'noop',
  'anomaly',
  'unknown_order',
  'bad_signature',
  'invalid',
  'failed',
  'coalesced',
] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

/**
 * Webhook deliveries, kept for audit (append-only) for NOTIFICATIONS_RETENTION_DAYS. Refused
 * ones get a row each only up to a threshold per source and minute (`notification_refusals`
 * counts them all).
 */
@Entity({ name: 'notifications' })
@Index('ix_notifications_order_id_received_at', ['orderId', 'receivedAt'])
@Index('ix_notifications_received_at', ['receivedAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 4 })
  method!: 'GET' | 'POST';

  /** The `transactionid` query parameter (our order id), as received; may be garbage. */
  @Column({ name: 'order_id', type: 'varchar', length: 100, nullable: true })
  orderId!: string | null;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId!: string | null;

  /** POST only: whether the `Auth` HMAC verified. Null for GET, which carries no signature. */
  @Column({ name: 'signature_ok', type: 'boolean', nullable: true })
  signatureOk!: boolean | null;

  /** SHA-256 of the raw body (POST). */
  @Column({ name: 'payload_digest', type: 'char', length: 64, nullable: true })
  payloadDigest!: string | null;

  /** The sender's address (IPv6: its /64), as the edge saw it (TRUST_PROXY). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  source!: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome!: NotificationOutcome;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PaymentEntity } from './payment.entity.js';

export const CAPTURE_STATUSES = ['pending', 'unknown', 'succeeded', 'failed'] as const;
/**
 * `pending`: written before the gateway call, its amount held against the authorization;
 * `unknown`: the call's outcome is not known (a retry with the same key settles it);
 * `succeeded`: MultiSafepay captured it; `failed`: MultiSafepay refused it (nothing captured).
 */
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];

/** One capture of a manual-capture payment (docs/design.md#manual-capture). */
@Entity({ name: 'captures' })
@Index('uq_captures_client_idempotency_key', ['clientId', 'idempotencyKey'], { unique: true })
@Index('ix_captures_payment_id_created_at', ['paymentId', 'createdAt'])
export class CaptureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @ManyToOne(() => PaymentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'fk_captures_payment' })
  payment?: PaymentEntity;

  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 255 })
  idempotencyKey!: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  /** Integer minor units. */
  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CaptureStatus;

  /**
   * Our id for the capture order at MultiSafepay (`new_order_id`): a retry after a lost answer
   * finds the capture by it, and its notifications lead back to the payment.
   */
  @Index('uq_captures_capture_order_id', { unique: true })
  @Column({ name: 'capture_order_id', type: 'varchar', length: 50 })
  captureOrderId!: string;

  /** The order id MultiSafepay answered (the capture order's, or the original one). */
  @Column({ name: 'gateway_order_id', type: 'varchar', length: 50, nullable: true })
  gatewayOrderId!: string | null;

  @Column({ name: 'gateway_transaction_id', type: 'varchar', length: 40, nullable: true })
  gatewayTransactionId!: string | null;

  /** Why MultiSafepay refused it (status `failed`). */
  @Column({ type: 'jsonb', nullable: true })
  error!: { code: string; message: string; gatewayCode?: number } | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

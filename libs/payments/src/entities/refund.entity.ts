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

export const REFUND_STATUSES = ['pending', 'unknown', 'reserved', 'completed', 'failed'] as const;
/**
 * `pending`: written before the gateway call (its amount is held against the payment);
 * `unknown`: the call timed out; `reserved`: MultiSafepay accepted it; `completed`: settled;
 * `failed`: MultiSafepay refused it (nothing was refunded).
 */
export type RefundStatus = (typeof REFUND_STATUSES)[number];

@Entity({ name: 'refunds' })
@Index('uq_refunds_client_idempotency_key', ['clientId', 'idempotencyKey'], { unique: true })
@Index('ix_refunds_payment_id_created_at', ['paymentId', 'createdAt'])
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @ManyToOne(() => PaymentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'fk_refunds_payment' })
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
  status!: RefundStatus;

  /** Our id for the refund at MultiSafepay (`refund_order_id`), so a retry can find it. */
  @Index('uq_refunds_refund_order_id', { unique: true })
  @Column({ name: 'refund_order_id', type: 'varchar', length: 50 })
  refundOrderId!: string;

  @Column({ name: 'gateway_transaction_id', type: 'varchar', length: 40, nullable: true })
  gatewayTransactionId!: string | null;

  @Column({ name: 'gateway_refund_id', type: 'varchar', length: 40, nullable: true })
  gatewayRefundId!: string | null;

  /** Why MultiSafepay refused it (status `failed`). */
  @Column({ type: 'jsonb', nullable: true })
  error!: { code: string; message: string; gatewayCode?: number } | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

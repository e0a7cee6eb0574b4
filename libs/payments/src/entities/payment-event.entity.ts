import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { EventSource, PaymentStatus } from '../lifecycle/payment-status.js';
import { PaymentEntity } from './payment.entity.js';

/** Append-only lifecycle history of a payment. Rows are inserted, never updated or deleted. */
@Entity({ name: 'payment_events' })
@Index('ix_payment_events_payment_id_seq', ['paymentId', 'seq'])
export class PaymentEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Total order of events: timestamps within one transaction are equal. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @ManyToOne(() => PaymentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'fk_payment_events_payment' })
  payment?: PaymentEntity;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: PaymentStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus!: PaymentStatus;

  @Column({ type: 'varchar', length: 16 })
  source!: EventSource;

  /** True when the move was illegal: recorded for operators, not applied. */
  @Column({ type: 'boolean', default: false })
  anomaly!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** SHA-256 (hex) of the gateway payload that caused the event, when there was one. */
  @Column({ name: 'gateway_payload_digest', type: 'char', length: 64, nullable: true })
  gatewayPayloadDigest!: string | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}

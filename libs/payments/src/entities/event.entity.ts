import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { PaymentEntity } from './payment.entity.js';

/**
 * The transactional outbox (docs/design.md#events): one row per event, written by the same statement or
 * transaction as the move it reports. `body` is what every delivery and the feed carry, byte for
 * byte. Rows are never updated, and pruned only once delivered. Their deliveries
 * (`event_deliveries`) are written by the same statement.
 */
@Entity({ name: 'events' })
@Index('ix_events_feed', ['txId', 'position'])
@Index('ix_events_payment_sequence', ['paymentId', 'sequence'])
@Index('ix_events_created_at', ['createdAt'])
export class EventEntity {
  /** `evt_` + 26 base32 characters. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  /** Insert order; with `tx_id` the feed's cursor. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  position!: string;

  /**
   * The writing transaction's id (`pg_current_xact_id()`). The feed only shows events of
   * transactions older than every one still running, so an event that commits late is never
   * skipped by a reader that has paged past a later-numbered one.
   */
  @Column({ name: 'tx_id', type: 'bigint' })
  txId!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId!: string | null;

  @ManyToOne(() => PaymentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'fk_events_payment' })
  payment?: PaymentEntity;

  /** Grows per payment (the payment's `event_sequence`), so a receiver can drop stale events. */
  @Column({ type: 'integer', nullable: true })
  sequence!: number | null;

  /** The event body as JSON text (jsonb would reorder keys; deliveries must be byte-identical). */
  @Column({ type: 'text' })
  body!: string;

  /** W3C trace context of the request behind the event, passed on to its deliveries. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  traceparent!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { EventEntity } from './event.entity.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

export const DELIVERY_CHANNELS = ['webhook', 'amqp'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
/**
 * `pending`: to be sent at `next_attempt_at` (or being sent while `leased_until` is ahead);
 * `succeeded`: a 2xx answer or the broker's confirm; `failed`: the retry schedule ran out.
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event to one destination: a webhook endpoint, or the message broker. */
@Entity({ name: 'event_deliveries' })
@Index('uq_event_deliveries_event_endpoint', ['eventId', 'endpointId'], {
  unique: true,
  where: 'endpoint_id IS NOT NULL',
})
@Index('uq_event_deliveries_event_broker', ['eventId'], {
  unique: true,
  where: "channel = 'amqp'",
})
@Index('ix_event_deliveries_due', ['endpointId', 'nextAttemptAt'], {
  where: "status = 'pending'",
})
@Index('ix_event_deliveries_endpoint_created', ['endpointId', 'createdAt'])
export class EventDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 40 })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_deliveries_event' })
  event?: EventEntity;

  @Column({ type: 'varchar', length: 8 })
  channel!: DeliveryChannel;

  /** The webhook endpoint; null for the broker. */
  @Column({ name: 'endpoint_id', type: 'uuid', nullable: true })
  endpointId!: string | null;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_event_deliveries_endpoint' })
  endpoint?: WebhookEndpointEntity;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  /** Attempts made so far (a claimed attempt counts at once: a crash mid-call still counts). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** While ahead, a relay is sending it; past it, the claim is void (the relay died). */
  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil!: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_status', type: 'smallint', nullable: true })
  lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { EventDeliveryEntity } from './event-delivery.entity.js';

/** One attempt of a webhook delivery, for the deliveries list (append-only). */
@Entity({ name: 'delivery_attempts' })
@Index('ix_delivery_attempts_delivery_at', ['deliveryId', 'at'])
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @ManyToOne(() => EventDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_delivery_attempts_delivery' })
  delivery?: EventDeliveryEntity;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;

  /** The HTTP status, when an answer came. */
  @Column({ type: 'smallint', nullable: true })
  status!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const WEBHOOK_ENDPOINT_STATUSES = ['enabled', 'disabled'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

/**
 * A subscriber's URL for pushed events (docs/design.md#events). The signing secret is kept as it is: the
 * service must sign with it, so it cannot be stored as a hash; it is shown once, at creation and
 * rotation. After a rotation the previous secret still signs until `previous_secret_expires_at`.
 */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  /** Event types sent to it; `*` for all. */
  @Column({ name: 'event_types', type: 'varchar', length: 40, array: true })
  eventTypes!: string[];

  @Column({ type: 'varchar', length: 16 })
  status!: WebhookEndpointStatus;

  /** Why it was disabled (by an operator, or after failing for too long). */
  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @Column({ type: 'varchar', length: 100 })
  secret!: string;

  @Column({ name: 'previous_secret', type: 'varchar', length: 100, nullable: true })
  previousSecret!: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  /** Since when every attempt has failed; null after a success. Disabled past a limit. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  /** The API client that created it. */
  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type IdempotencyState = 'in_progress' | 'completed';

/**
 * One row per (caller, Idempotency-Key). While `in_progress`, the request holding the lease
 * (`lease_until`) drives it; duplicates wait. Once `completed`, the stored status and body are
 * the answer to every replay. Only definitive answers are stored: after a gateway timeout the
 * row stays `in_progress` with an expired lease, so a retry settles the same payment.
 * A key older than IDEMPOTENCY_KEY_TTL_HOURS (by `created_at`) has expired: it is a fresh key
 * again, and retention deletes it with its stored answer.
 */
@Entity({ name: 'idempotency_keys' })
@Index('ix_idempotency_keys_created_at', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 64 })
  clientId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  /** SHA-256 of the request's fingerprint (never of the full card number). */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: IdempotencyState;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz' })
  leaseUntil!: Date;

  @Column({ name: 'response_status', type: 'smallint', nullable: true })
  responseStatus!: number | null;

  /** The stored answer as JSON text: jsonb would reorder its keys, and replays are byte-identical. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

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
 * A subscriber's URL for pushed events (docs/design.md#events). The service must sign with the secret, so it
 * cannot be stored as a hash: it is sealed like a saved card's token (AES-256-GCM under
 * TOKEN_ENCRYPTION_KEY, `TokenCipher`), with the id of the key beside it, and shown once, at
 * creation and rotation. After a rotation the previous secret still signs until
 * `previous_secret_expires_at`.
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

  /** `nonce ‖ ciphertext ‖ tag` of the signing secret (null only in a row not sealed yet). */
  @Column({ name: 'secret_ciphertext', type: 'bytea', nullable: true })
  secretCiphertext!: Buffer | null;

  /** Which key sealed it (`TokenKey.id`): `npm run tokens:reencrypt` moves older ones. */
  @Column({ name: 'secret_key_id', type: 'varchar', length: 16, nullable: true })
  secretKeyId!: string | null;

  /** The secret the last rotation replaced, sealed the same way; null when there is none. */
  @Column({ name: 'previous_secret_ciphertext', type: 'bytea', nullable: true })
  previousSecretCiphertext!: Buffer | null;

  @Column({ name: 'previous_secret_key_id', type: 'varchar', length: 16, nullable: true })
  previousSecretKeyId!: string | null;

  /**
   * The secrets in clear, as databases written before they were sealed hold them: every start-up
   * seals such rows and empties these columns (a later release drops them). Never written.
   */
  @Column({ name: 'secret', type: 'varchar', length: 100, nullable: true })
  plaintextSecret!: string | null;

  @Column({ name: 'previous_secret', type: 'varchar', length: 100, nullable: true })
  plaintextPreviousSecret!: string | null;

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

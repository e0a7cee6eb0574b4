import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RecurringModel } from '../gateway/orders.gateway.js';

export const SAVED_CARD_STATUSES = ['active', 'deleted'] as const;
export type SavedCardStatus = (typeof SAVED_CARD_STATUSES)[number];

/**
 * A card MultiSafepay keeps for a customer (docs/design.md#saved-cards). The token (`recurring_id`) can charge
 * the card: only its AES-256-GCM ciphertext is stored (`TokenCipher`), with the id of the key
 * that sealed it; a deleted card's ciphertext is wiped. Unique per customer and token (through
 * the token's keyed fingerprint), so a repeated notification never saves a card twice.
 */
@Entity({ name: 'saved_cards' })
@Index('uq_saved_cards_customer_token', ['customerReference', 'tokenFingerprint'], {
  unique: true,
})
@Index('ix_saved_cards_customer_created_at', ['customerReference', 'createdAt'])
@Index('ix_saved_cards_token_key_id', ['tokenKeyId'])
export class SavedCardEntity {
  /** `card_` + 26 base32 characters. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  /** The caller's customer id, MultiSafepay's `customer.reference`. */
  @Column({ name: 'customer_reference', type: 'varchar', length: 50 })
  customerReference!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  brand!: string | null;

  @Column({ type: 'char', length: 4, nullable: true })
  last4!: string | null;

  @Column({ name: 'expiry_month', type: 'smallint', nullable: true })
  expiryMonth!: number | null;

  @Column({ name: 'expiry_year', type: 'smallint', nullable: true })
  expiryYear!: number | null;

  @Column({ type: 'varchar', length: 12 })
  model!: RecurringModel;

  /** `nonce ‖ ciphertext ‖ tag`; null once the card is deleted. */
  @Column({ name: 'token_ciphertext', type: 'bytea', nullable: true })
  tokenCiphertext!: Buffer | null;

  /** Which key sealed it (`TokenKey.id`): rotation re-encrypts the rows of older keys. */
  @Column({ name: 'token_key_id', type: 'varchar', length: 16 })
  tokenKeyId!: string;

  /** HMAC-SHA256 of the token under a key derived from the current one (hex). */
  @Column({ name: 'token_fingerprint', type: 'char', length: 64 })
  tokenFingerprint!: string;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status!: SavedCardStatus;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** The first payment that saved it. */
  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

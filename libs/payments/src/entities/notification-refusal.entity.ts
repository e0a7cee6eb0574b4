import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REFUSAL_REASONS = [
  'bad_signature',
  'unknown_order',
  'rate_limited',
  'not_allowed',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * How many deliveries were refused, per minute, source address and reason: the bounded part of
 * the webhook audit. The first few refusals of a minute also get a `notifications` row each;
 * this count includes them.
 */
@Entity({ name: 'notification_refusals' })
export class NotificationRefusalEntity {
  @PrimaryColumn({ type: 'timestamptz' })
  minute!: Date;

  /** IPv4 address, or the /64 prefix of an IPv6 one; `other` once too many sources were seen. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  source!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  reason!: RefusalReason;

  @Column({ type: 'integer' })
  refused!: number;
}

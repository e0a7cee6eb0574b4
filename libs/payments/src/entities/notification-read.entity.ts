import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The state of notification-triggered reads of one payment's order, shared by every replica
 * (docs/webhooks.md, "Coalesced reads"). A delivery that needs a read bumps `requested_gen`;
 * a read covers every generation requested before it was claimed (`read_gen`), and once its
 * result is committed `done_gen` reaches it. Generations are counters, not clocks, so replicas'
 * clocks never decide whether a read was late.
 */
@Entity({ name: 'notification_reads' })
export class NotificationReadEntity {
  @PrimaryColumn({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @Column({ name: 'requested_gen', type: 'bigint', default: 0 })
  requestedGen!: string;

  /** The generation the last claimed read covers. */
  @Column({ name: 'read_gen', type: 'bigint', default: 0 })
  readGen!: string;

  /** Every request up to this generation has had a read, committed. */
  @Column({ name: 'done_gen', type: 'bigint', default: 0 })
  doneGen!: string;

  @Column({ name: 'read_started_at', type: 'timestamptz', nullable: true })
  readStartedAt!: Date | null;

  /** A read is in flight while `read_gen > done_gen` and this is in the future. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** Token of the claim holding the lease. */
  @Column({ type: 'uuid', nullable: true })
  owner!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity.js';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { createdPaymentCtes } from '../lifecycle/payments.repository.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { SqlParams, type Param } from '../sql/sql.js';

/** One create request's key: whose it is, and what it asked (its fingerprint). */
export interface KeyClaim {
  clientId: string;
  key: string;
  requestHash: string;
  /** The lease the claiming request holds until. */
  leaseUntil: Date;
  /** A key older than this is a fresh key again (IDEMPOTENCY_KEY_TTL_HOURS). */
  ttlMs: number;
}

/**
 * The SQL of `idempotency_keys` (docs/design.md#internal-api): the claim of a key with the
 * `created` payment, the lease, and the stored answer every replay gets.
 */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /**
   * The first request with a key: the key (leased to it), the `created` payment and its first
   * history row, in one statement; the columns the database fills in, or null when the key
   * already exists (and has not expired). A payment's order id already taken fails the whole
   * statement (`ORDER_ID_UNIQUE`), so the key is not kept either. A key past its TTL is taken
   * over as if new (retention may not have deleted it yet); of two requests racing for it, the
   * second waits for the first's row lock, then finds the key fresh.
   */
  async claim(
    claim: KeyClaim,
    payment: PaymentEntity,
  ): Promise<{ created_at: Date; updated_at: Date } | null> {
    const sql = new SqlParams();
    const p = sql.add;
    const rows = await this.tx.statement<{ created_at: Date; updated_at: Date }>(
      `WITH claimed AS (
             INSERT INTO idempotency_keys (client_id, key, request_hash, state, lease_until, payment_id)
             VALUES (${p(claim.clientId)}, ${p(claim.key)}, ${p(claim.requestHash)}, 'in_progress', ${p(claim.leaseUntil)}, ${p(payment.id)})
             ON CONFLICT (client_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
               state = 'in_progress', lease_until = EXCLUDED.lease_until,
               payment_id = EXCLUDED.payment_id, response_status = NULL, response_body = NULL,
               created_at = now(), updated_at = now()
             WHERE idempotency_keys.created_at < now() - ${p(claim.ttlMs)}::float8 * interval '1 millisecond'
             RETURNING payment_id
           ), ${createdPaymentCtes(p, 'claimed', payment).join(', ')}
           SELECT created_at, updated_at FROM created`,
      sql.values,
    );
    return rows[0] ?? null;
  }

  /** Whether the key holds a final answer (and has not expired). */
  async hasAnswer(clientId: string, key: string, ttlMs: number): Promise<boolean> {
    const rows = await this.tx.statement(
      `SELECT 1 FROM idempotency_keys WHERE client_id = $1 AND key = $2 AND state = 'completed'
         AND created_at >= now() - $3::float8 * interval '1 millisecond'`,
      [clientId, key, ttlMs],
    );
    return rows.length > 0;
  }

  /** The key's row under `FOR UPDATE`, in the caller's transaction. */
  lockIn(m: EntityManager, clientId: string, key: string): Promise<IdempotencyKeyEntity | null> {
    return m.findOne(IdempotencyKeyEntity, {
      where: { clientId, key },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The lease now runs until `until` (a take-over, or a release with `new Date()`). */
  async leaseIn(m: EntityManager, clientId: string, key: string, until: Date): Promise<void> {
    await m.update(IdempotencyKeyEntity, { clientId, key }, { leaseUntil: until });
  }

  /**
   * Stores the 201 answer as the body of a data-modifying CTE, written only if `guard` holds
   * (a `WrittenWith` of a payment's move).
   */
  answerSql(p: Param, guard: string, clientId: string, key: string, body: string): string {
    return `UPDATE idempotency_keys SET state = 'completed', response_status = 201,
         response_body = ${p(body)}, updated_at = now()
       WHERE client_id = ${p(clientId)} AND key = ${p(key)} AND ${guard}`;
  }

  /** Stores the 201 answer in the caller's transaction. */
  async answerIn(m: EntityManager, clientId: string, key: string, body: string): Promise<void> {
    const sql = new SqlParams();
    await m.query(this.answerSql(sql.add, 'TRUE', clientId, key, body), sql.values);
  }

  /** Stores a final error answer (a rejection) in the caller's transaction. */
  async rejectIn(
    m: EntityManager,
    clientId: string,
    key: string,
    status: number,
    body: string,
  ): Promise<void> {
    await m.update(
      IdempotencyKeyEntity,
      { clientId, key },
      { state: 'completed', responseStatus: status, responseBody: body },
    );
  }
}

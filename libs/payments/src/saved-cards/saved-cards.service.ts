import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SavedCardEntity } from '../entities/saved-card.entity.js';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { Outbox } from '../events/outbox.js';
import { OrdersGateway, type GatewayOrder } from '../gateway/orders.gateway.js';
import type { AlsoWrites } from '../lifecycle/payment-lifecycle.service.js';
import { WRITTEN_WITH_MOVE } from '../lifecycle/move-statement.js';
import { SqlParams, type Param } from '../sql/sql.js';
import type { PaymentStatus } from '../lifecycle/payment-status.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { PaymentsOptions } from '../payments/payments.options.js';
import { toSavedCardView, type SavedCardView } from './saved-card-view.js';
import {
  SavedCardDeletedError,
  SavedCardNotFoundError,
  SavedCardUnreadableError,
} from './saved-cards.errors.js';
import { TokenDecryptionError, type SealedToken } from './token-cipher.js';

/** Statuses in which MultiSafepay's token is kept as a saved card: the card was approved. */
const SAVING_STATUSES: readonly PaymentStatus[] = ['completed', 'authorized'];

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `card_` + 26 base32 characters (130 random bits). */
export function newSavedCardId(): string {
  const bytes = randomBytes(26);
  return `card_${[...bytes].map((b) => BASE32[b & 31]).join('')}`;
}

/**
 * A token MultiSafepay returned for an order, sealed once, ready to be saved by whichever move
 * applies the order (the create answer, a notification, a read). `existing` holds the cards this
 * token is already saved as, per customer, so a repeat keeps its id.
 */
export interface TokenToSave {
  sealed: SealedToken;
  fingerprint: string;
  existing: Map<string, string>;
  /** The id a new card gets: one per application of the order, stable across its re-plans. */
  newId: string;
}

/** A saved card resolved for a payment: the row, and its token (in memory for this call only). */
export interface SavedCardForPayment {
  card: SavedCardEntity;
  token: string;
}

/**
 * Saved cards (docs/design.md#saved-cards): saving MultiSafepay's token with the move that reports it, the
 * customer's list, paying with one (its token decrypted for the gateway call only), deleting
 * one (at MultiSafepay, then ours). The token is only ever held encrypted (`TokenCipher`).
 */
@Injectable()
export class SavedCardsService {
  private readonly logger = new Logger('SavedCards');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly gateway: OrdersGateway,
    private readonly options: PaymentsOptions,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Seals the token an order carries, if it carries one with a model; null otherwise. Inside a
   * transaction pass its manager: the embedded database has a single connection.
   */
  async prepare(order: GatewayOrder, manager?: EntityManager): Promise<TokenToSave | null> {
    const recurring = order.recurring;
    if (!recurring?.id || !recurring.model) return null;
    const cipher = this.options.tokenCipher;
    const fingerprint = cipher.fingerprint(recurring.id);
    const text = 'SELECT id, customer_reference FROM saved_cards WHERE token_fingerprint = $1';
    const rows: { id: string; customer_reference: string }[] = manager
      ? await manager.query(text, [fingerprint])
      : await this.tx.statement(text, [fingerprint]);
    return {
      sealed: cipher.seal(recurring.id),
      fingerprint,
      existing: new Map(rows.map((r) => [r.customer_reference, r.id])),
      newId: newSavedCardId(),
    };
  }

  /** The card id a move of `current` to `to` saves, or null when it saves none. */
  savedCardIdFor(
    token: TokenToSave | null,
    current: PaymentEntity,
    to: PaymentStatus,
  ): string | null {
    if (!token || current.savedCardId || !current.recurringModel || !current.customerReference) {
      return null;
    }
    if (!SAVING_STATUSES.includes(to)) return null;
    return token.existing.get(current.customerReference) ?? token.newId;
  }

  /**
   * The saved card's row and its `saved_card.created` event, in the statement of the move that
   * set `after.savedCardId`. Unique per (customer, token): a card saved before (deleted since, or
   * saved by a concurrent move) is made active again instead of being saved twice.
   */
  writesFor(
    p: Param,
    token: TokenToSave,
    before: PaymentEntity,
    after: PaymentEntity,
  ): AlsoWrites | null {
    if (!after.savedCardId || after.savedCardId === before.savedCardId) return null;
    if (!after.customerReference || !after.recurringModel) return null;
    const card: SavedCardView = {
      id: after.savedCardId,
      customerReference: after.customerReference,
      brand: after.cardBrand,
      last4: after.cardLast4,
      expiryMonth: after.cardExpiryMonth,
      expiryYear: after.cardExpiryYear,
      model: after.recurringModel,
      status: 'active',
      paymentId: after.id,
      createdAt: new Date().toISOString(),
      deletedAt: null,
    };
    const cte = `saved_card AS (INSERT INTO saved_cards (id, customer_reference, brand, last4,
        expiry_month, expiry_year, model, token_ciphertext, token_key_id, token_fingerprint, status,
        payment_id, created_at, updated_at)
      SELECT ${p(card.id)}, ${p(card.customerReference)}, ${p(card.brand)}, ${p(card.last4)},
        ${p(card.expiryMonth)}::smallint, ${p(card.expiryYear)}::smallint, ${p(card.model)},
        ${p(token.sealed.ciphertext)}::bytea, ${p(token.sealed.keyId)}, ${p(token.fingerprint)},
        'active', ${p(after.id)}::uuid, ${p(card.createdAt)}::timestamptz, now()
      WHERE ${WRITTEN_WITH_MOVE}
      ON CONFLICT (customer_reference, token_fingerprint) DO UPDATE SET status = 'active',
        deleted_at = NULL, token_ciphertext = EXCLUDED.token_ciphertext,
        token_key_id = EXCLUDED.token_key_id, model = EXCLUDED.model,
        expiry_month = EXCLUDED.expiry_month, expiry_year = EXCLUDED.expiry_year, updated_at = now()
      RETURNING id)`;
    return {
      ctes: [cte],
      events: [{ type: 'saved_card.created', paymentId: after.id, sequence: null, object: card }],
    };
  }

  /** A customer's active cards, newest first. */
  async list(customerReference: string): Promise<SavedCardView[]> {
    const cards = await this.tx.read((m) =>
      m.find(SavedCardEntity, {
        where: { customerReference, status: 'active' },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: 100,
      }),
    );
    return cards.map(toSavedCardView);
  }

  /** One of the customer's cards; another customer's id is not found, as an unknown one. */
  async find(customerReference: string, id: string): Promise<SavedCardEntity> {
    const card = await this.tx.read((m) => m.findOneBy(SavedCardEntity, { id }));
    if (!card || card.customerReference !== customerReference) {
      throw new SavedCardNotFoundError(customerReference, id);
    }
    return card;
  }

  /** A card to pay with, its token decrypted: refuses a deleted card and an unreadable token. */
  async forPayment(customerReference: string, id: string): Promise<SavedCardForPayment> {
    const card = await this.find(customerReference, id);
    if (card.status === 'deleted') throw new SavedCardDeletedError(id);
    return { card, token: this.open(card) };
  }

  /**
   * Deletes the card at MultiSafepay (a token already gone there counts as deleted), then marks
   * it deleted and wipes its ciphertext, with its `saved_card.deleted` event. Deleting a deleted
   * card answers it as it is.
   */
  async delete(customerReference: string, id: string): Promise<SavedCardView> {
    const card = await this.find(customerReference, id);
    if (card.status === 'deleted') return toSavedCardView(card);
    await this.gateway.deleteToken(customerReference, this.open(card));
    return this.tx.run(async (m) => {
      const sql = new SqlParams();
      const p = sql.add;
      const deletedAt = new Date();
      const view: SavedCardView = {
        ...toSavedCardView(card),
        status: 'deleted',
        deletedAt: deletedAt.toISOString(),
      };
      const writes = this.outbox.writes(p, 'deleted', [
        {
          type: 'saved_card.deleted',
          paymentId: card.paymentId,
          sequence: null,
          object: view,
        },
      ]);
      const rows = await m.query<{ deleted: number; deliveries: number }[]>(
        `WITH deleted AS (UPDATE saved_cards SET status = 'deleted', deleted_at = ${p(deletedAt)},
             token_ciphertext = NULL, updated_at = now()
           WHERE id = ${p(id)} AND status = 'active' RETURNING id),
         ${writes.ctes.join(',\n')}
         SELECT (SELECT count(*)::int FROM deleted) AS deleted, ${writes.deliveries} AS deliveries`,
        sql.values,
      );
      if ((rows[0]?.deliveries ?? 0) > 0) this.tx.afterCommit(m, () => this.outbox.committed());
      if (rows[0]?.deleted !== 1) {
        // Deleted meanwhile by a concurrent request: answer the row as that one left it.
        return toSavedCardView(await m.findOneByOrFail(SavedCardEntity, { id }));
      }
      this.logger.log({ savedCardId: id }, 'saved card deleted');
      return view;
    });
  }

  private open(card: SavedCardEntity): string {
    if (!card.tokenCiphertext) throw new SavedCardDeletedError(card.id);
    try {
      return this.options.tokenCipher.open({
        keyId: card.tokenKeyId,
        ciphertext: card.tokenCiphertext,
      });
    } catch (error) {
      if (!(error instanceof TokenDecryptionError)) throw error;
      this.logger.error({ savedCardId: card.id, keyId: card.tokenKeyId }, error.message);
      throw new SavedCardUnreadableError(card.id, error.message);
    }
  }
}

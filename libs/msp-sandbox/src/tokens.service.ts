import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { invalidField, missingData, MspError } from './msp-error.js';
import { isObject, str, type Order } from './order.js';
import { isPast, isYymm, type CardSummary } from './order-request.js';
import { MSP_SANDBOX_OPTIONS, type ResolvedSandboxOptions } from './sandbox.options.js';
import type { Site } from './sites.js';

/** A card MultiSafepay keeps for a customer (docs/multisafepay.md#token-endpoints). Never the PAN. */
export interface StoredToken {
  /** The MultiSafepay account it belongs to (`Site.account`): only that account's sites see it. */
  account: string;
  token: string;
  customerReference: string;
  brand: string;
  bin: string;
  last4: string;
  /** `YYMM`; `PATCH /recurring/…/update/…` changes it. */
  expiry: string;
  holder: string;
  masked: string;
  model: string;
  /** The sandbox's declined-token test card: every payment with this token is declined. */
  declinesPayments: boolean;
}

/** MultiSafepay's answer for a token or customer it does not know (docs/multisafepay.md#token-endpoints: HTTP 410, 1000). */
const notFound = (info: string) => new MspError(410, 1000, info);

/**
 * Tokens (docs/multisafepay.md#tokens): issued when a first payment with `recurring_model` and
 * `customer.reference` is approved, used by later payments with `recurring_id`, and managed under
 * `/recurring/{customer_reference}`. Held per MultiSafepay account (docs/multisafepay.md#tokens):
 * a site sees its own account's tokens only; another account's is "Not found", as an unknown one.
 */
@Injectable()
export class TokensService {
  /** By account and token. */
  private readonly tokens = new Map<string, StoredToken>();

  constructor(@Inject(MSP_SANDBOX_OPTIONS) private readonly options: ResolvedSandboxOptions) {}

  /** Gives an approved first payment its token (`payment_details.recurring_id`). */
  issue(order: Order): void {
    const recurring = order.recurring;
    if (!recurring?.tokenSeed || recurring.token !== null) return;
    const token = randomBytes(8).toString('base64url');
    const account = order.site.account;
    this.tokens.set(tokenKey(account, token), {
      account,
      token,
      customerReference: recurring.customerReference,
      brand: order.card.brand,
      bin: recurring.tokenSeed.bin,
      last4: order.card.last4,
      expiry: order.card.expiry,
      holder: order.card.holder,
      masked: order.card.masked,
      model: recurring.model,
      declinesPayments: recurring.tokenSeed.declinesPayments,
    });
    recurring.token = token;
    while (this.tokens.size > this.options.maxOrders) {
      this.tokens.delete(this.tokens.keys().next().value as string);
    }
  }

  /** The token a payment names, whoever's customer it is (not checked by MultiSafepay: docs/multisafepay.md#open-questions). */
  forPayment(site: Site, token: string): StoredToken {
    const found = this.tokens.get(tokenKey(site.account, token));
    // A token payment on an account without recurring gave 410 / 1000 (docs/multisafepay.md#open-questions).
    if (!found) throw notFound('Not found: recurring_id');
    return found;
  }

  /** The card of a token payment, as its order shows it. */
  cardOf(token: StoredToken): CardSummary {
    return {
      brand: token.brand,
      last4: token.last4,
      expiry: token.expiry,
      holder: token.holder,
      masked: token.masked,
    };
  }

  list(
    site: Site,
    reference: string,
    limit: unknown,
    offset: unknown,
  ): { tokens: Record<string, unknown>[] } {
    const from = count(offset, 0, 'offset');
    const size = count(limit, 10, 'limit');
    const mine = [...this.tokens.values()].filter(
      (t) => t.account === site.account && t.customerReference === reference,
    );
    // MultiSafepay answers "Not found", not an empty list, for a customer without tokens (docs/multisafepay.md#token-endpoints).
    if (mine.length === 0) throw notFound('Not found');
    return { tokens: mine.slice(from, from + size).map((t) => this.tokenObject(t)) };
  }

  get(site: Site, reference: string, token: string): Record<string, unknown> {
    return this.tokenObject(this.find(site, reference, token, 'Token not found'));
  }

  /** `PATCH /recurring/{ref}/update/{token}` `{expiry_date: "YYMM"}`. */
  update(site: Site, reference: string, token: string, body: unknown): { updated: true } {
    const raw = isObject(body) ? body.expiry_date : undefined;
    if (raw === undefined || raw === null) throw missingData('expiry_date');
    const expiry = typeof raw === 'number' ? String(raw).padStart(4, '0') : str(raw);
    if (!expiry || !isYymm(expiry)) throw invalidField(1016, 'Invalid expiry_date (YYMM)');
    this.find(site, reference, token, 'Token not updated').expiry = expiry;
    return { updated: true };
  }

  remove(site: Site, reference: string, token: string): { removed: true } {
    this.find(site, reference, token, 'Token not found');
    this.tokens.delete(tokenKey(site.account, token));
    return { removed: true };
  }

  reset(): void {
    this.tokens.clear();
  }

  /** How many tokens an account holds (the control surface). */
  countFor(account: string): number {
    let n = 0;
    for (const t of this.tokens.values()) if (t.account === account) n += 1;
    return n;
  }

  private find(site: Site, reference: string, token: string, info: string): StoredToken {
    const found = this.tokens.get(tokenKey(site.account, token));
    if (!found || found.customerReference !== reference) throw notFound(info);
    return found;
  }

  /** The Token object (docs/multisafepay.md#token-endpoints): `model` as the GET-token example and the SDKs name it. */
  private tokenObject(t: StoredToken): Record<string, unknown> {
    return {
      token: t.token,
      code: t.brand,
      display: `Card xxxx xxxx xxxx ${t.last4}`,
      bin: Number(t.bin),
      name_holder: t.holder,
      expiry_date: Number(t.expiry),
      expired: isPast(t.expiry) ? 1 : 0,
      last4: t.last4,
      model: t.model,
    };
  }
}

function tokenKey(account: string, token: string): string {
  return `${account}\u0000${token}`;
}

function count(value: unknown, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw invalidField(1016, `Invalid ${name}`);
  return n;
}

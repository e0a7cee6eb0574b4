import type { Event, SavedCard } from '@app/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  call,
  CARDS,
  createPayment,
  paymentRequest,
  type ErrorResponse,
  type PaymentBody,
} from './support/api.js';
import { startApp, uniqueId, type RunningApp } from './support/app.js';
import { submit3ds } from './support/sandbox.js';

const MSP_KEY = 'saved-cards-test-api-key';
/** The sandbox's card whose first payment completes and whose token payments are declined. */
const TOKEN_DECLINED = '4012001038499998';
const MODELS = ['cardOnFile', 'subscription', 'unscheduled'] as const;
const READER = 'reader-secret-0123456789abcdef';

describe('saved cards (docs/design.md#saved-cards)', () => {
  let sut: RunningApp;

  beforeAll(async () => {
    sut = await startApp({
      MSP_ENV: 'sandbox',
      MSP_API_KEY: MSP_KEY,
      RECONCILE_INTERVAL_MS: '0',
      API_KEYS: `dev:dev-secret,reader:${READER}:payments:read`,
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  const customer = () => uniqueId('cust');

  /** A first payment that saves the card (no 3-D Secure unless the card asks for it). */
  async function firstPayment(
    customerReference: string,
    model: string = 'cardOnFile',
    number: string = CARDS.noThreeDs,
  ): Promise<PaymentBody> {
    const res = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({ recurring: { model, customerReference } }, { number }),
    );
    expect(res.status).toBe(201);
    return res.body;
  }

  function payWithSavedCard(
    savedCardId: string,
    customerReference: string,
    overrides: Record<string, unknown> = {},
    key?: string,
  ) {
    const { card: _card, customer: _customer, ...rest } = paymentRequest();
    return createPayment<PaymentBody & ErrorResponse>(
      sut.url,
      {
        ...rest,
        savedCardId,
        recurring: { model: 'cardOnFile', customerReference },
        ...overrides,
      },
      key === undefined ? {} : { key },
    );
  }

  const list = async (reference: string) =>
    call<{ data: SavedCard[] }>(sut.url, 'GET', `/v1/customers/${reference}/saved-cards`);

  /** The customer's tokens as MultiSafepay (the sandbox) keeps them. */
  async function sandboxTokens(reference: string): Promise<string[]> {
    const res = await fetch(`${sut.url}/sandbox/v1/json/recurring/${reference}`, {
      headers: { api_key: MSP_KEY },
    });
    const body = (await res.json()) as { success: boolean; data: { tokens?: { token: string }[] } };
    return body.success ? (body.data.tokens ?? []).map((t) => t.token) : [];
  }

  it.each(MODELS)('should save the card of a first payment with model %s', async (model) => {
    const reference = customer();
    const payment = await firstPayment(reference, model);
    expect(payment.status).toBe('completed');
    expect(payment.savedCard).toEqual({
      id: expect.stringMatching(/^card_[a-z2-7]{26}$/) as unknown,
      brand: 'VISA',
      last4: '3335',
      expiryMonth: 12,
      expiryYear: 2030,
      model,
    });
    const read = await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${payment.id}`);
    expect(read.body.savedCard).toEqual(payment.savedCard);
    expect((await list(reference)).body.data).toEqual([
      expect.objectContaining({
        id: payment.savedCard?.id,
        customerReference: reference,
        model,
        status: 'active',
        paymentId: payment.id,
      }),
    ]);
    expect(await sandboxTokens(reference)).toHaveLength(1);
    // The token itself never leaves the service.
    const [token] = await sandboxTokens(reference);
    expect(JSON.stringify(read.body)).not.toContain(token);
    expect((await list(reference)).text).not.toContain(token);
  });

  it("should list a customer's cards for that customer only", async () => {
    const reference = customer();
    const other = customer();
    const a = await firstPayment(reference);
    const b = await firstPayment(reference, 'subscription', CARDS.amexNoThreeDs);
    await firstPayment(other);
    const mine = (await list(reference)).body.data.map((c) => c.id);
    expect(mine.sort()).toEqual([a.savedCard?.id, b.savedCard?.id].sort());
    expect((await list(other)).body.data.map((c) => c.id)).not.toContain(a.savedCard?.id);
    expect((await list(customer())).body.data).toEqual([]);
  });

  it('should not save a card without recurring', async () => {
    const res = await createPayment<PaymentBody>(sut.url, paymentRequest());
    expect(res.body.status).toBe('completed');
    expect(res.body.savedCard).toBeNull();
  });

  it('should pay with a saved card at once, without card data, CVC or 3-D Secure', async () => {
    const reference = customer();
    const first = await firstPayment(reference);
    const savedCardId = first.savedCard?.id ?? '';
    const res = await payWithSavedCard(savedCardId, reference, { amount: 2500 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'completed',
      amount: 2500,
      nextAction: null,
      card: { brand: 'VISA', last4: '3335', expiryMonth: 12, expiryYear: 2030 },
      savedCard: { id: savedCardId, model: 'cardOnFile', last4: '3335' },
    });
    // No second saved card for the same token.
    expect((await list(reference)).body.data).toHaveLength(1);
  });

  it('should replay a saved card payment by its Idempotency-Key', async () => {
    const reference = customer();
    const first = await firstPayment(reference);
    const key = randomUUID();
    const { card: _c, customer: _u, ...rest } = paymentRequest();
    const body = {
      ...rest,
      savedCardId: first.savedCard?.id,
      recurring: { model: 'cardOnFile', customerReference: reference },
    };
    const one = await createPayment<PaymentBody>(sut.url, body, { idempotencyKey: key });
    const two = await createPayment<PaymentBody>(sut.url, body, { idempotencyKey: key });
    expect(two.status).toBe(201);
    expect(two.headers.get('idempotent-replayed')).toBe('true');
    expect(two.body).toEqual(one.body);
  });

  it('should delete a card here and at MultiSafepay, then refuse payments with it', async () => {
    const reference = customer();
    const first = await firstPayment(reference);
    const id = first.savedCard?.id ?? '';
    expect(await sandboxTokens(reference)).toHaveLength(1);
    const deleted = await call<SavedCard>(
      sut.url,
      'DELETE',
      `/v1/customers/${reference}/saved-cards/${id}`,
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id, status: 'deleted' });
    expect(deleted.body.deletedAt).not.toBeNull();
    expect(await sandboxTokens(reference)).toEqual([]);
    expect((await list(reference)).body.data).toEqual([]);
    const again = await call(sut.url, 'DELETE', `/v1/customers/${reference}/saved-cards/${id}`);
    expect(again.status).toBe(200);
    const pay = await payWithSavedCard(id, reference);
    expect(pay.status).toBe(409);
    expect(pay.body.error.code).toBe('SAVED_CARD_DELETED');
  });

  it("should answer 404 for another customer's card, to pay with or to delete", async () => {
    const owner = customer();
    const first = await firstPayment(owner);
    const id = first.savedCard?.id ?? '';
    const pay = await payWithSavedCard(id, customer());
    expect(pay.status).toBe(404);
    expect(pay.body.error.code).toBe('SAVED_CARD_NOT_FOUND');
    const del = await call<ErrorResponse>(
      sut.url,
      'DELETE',
      `/v1/customers/${customer()}/saved-cards/${id}`,
    );
    expect(del.status).toBe(404);
    expect(del.body.error.code).toBe('SAVED_CARD_NOT_FOUND');
    expect((await list(owner)).body.data).toHaveLength(1);
    const unknown = await payWithSavedCard('card_aaaaaaaaaaaaaaaaaaaaaaaaaa', owner);
    expect(unknown.status).toBe(404);
  });

  it('should answer a clear 4xx when MultiSafepay no longer keeps the token', async () => {
    const reference = customer();
    const first = await firstPayment(reference);
    const [token] = await sandboxTokens(reference);
    // Removed at MultiSafepay behind our back (e.g. by its dashboard).
    const removed = await fetch(
      `${sut.url}/sandbox/v1/json/recurring/${reference}/remove/${token}`,
      { method: 'DELETE', headers: { api_key: MSP_KEY } },
    );
    expect(removed.status).toBe(200);
    const pay = await payWithSavedCard(first.savedCard?.id ?? '', reference);
    expect(pay.status).toBe(422);
    expect(pay.body.error.code).toBe('GATEWAY_TOKEN_NOT_FOUND');
    expect(pay.text).not.toContain(token);
  });

  it('should report a declined token payment as declined', async () => {
    const reference = customer();
    const first = await firstPayment(reference, 'unscheduled', TOKEN_DECLINED);
    expect(first.status).toBe('completed');
    const pay = await payWithSavedCard(first.savedCard?.id ?? '', reference, {
      recurring: { model: 'unscheduled', customerReference: reference },
    });
    expect(pay.status).toBe(201);
    expect(pay.body.status).toBe('declined');
  });

  it('should save the card of a 3-D Secure first payment once the notification says completed', async () => {
    const reference = customer();
    const first = await firstPayment(reference, 'cardOnFile', CARDS.threeDs);
    expect(first.status).toBe('initialized');
    expect(first.savedCard).toBeNull();
    await submit3ds(first.nextAction?.url ?? '', 'success');
    let payment: PaymentBody | undefined;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      payment = (await call<PaymentBody>(sut.url, 'GET', `/v1/payments/${first.id}`)).body;
      if (payment.savedCard) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(payment).toMatchObject({ status: 'completed', savedCard: { model: 'cardOnFile' } });
    expect((await list(reference)).body.data.map((c) => c.id)).toEqual([payment?.savedCard?.id]);
    // A repeated read of the same order saves nothing twice.
    await call(sut.url, 'POST', `/v1/payments/${first.id}/refresh`);
    expect((await list(reference)).body.data).toHaveLength(1);
    const pay = await payWithSavedCard(payment?.savedCard?.id ?? '', reference);
    expect(pay.body).toMatchObject({ status: 'completed', nextAction: null });
  });

  it('should write saved_card.created and saved_card.deleted events with the change', async () => {
    const reference = customer();
    const first = await firstPayment(reference);
    const id = first.savedCard?.id ?? '';
    await call(sut.url, 'DELETE', `/v1/customers/${reference}/saved-cards/${id}`);
    // The feed shows a transaction once every older one on the server has ended
    // (docs/events.md): with other databases busy beside this one, that can take a moment.
    const { feed, cardEvents } = await vi.waitFor(
      async () => {
        const feed = await call<{ data: Event[] }>(
          sut.url,
          'GET',
          `/v1/events?paymentId=${first.id}&limit=100`,
        );
        const found = feed.body.data.filter((e) => e.type.startsWith('saved_card.'));
        expect(found.map((e) => e.type)).toEqual(['saved_card.created', 'saved_card.deleted']);
        return { feed, cardEvents: found };
      },
      { timeout: 10_000 },
    );
    expect(cardEvents[0]).toMatchObject({
      paymentId: first.id,
      sequence: null,
      data: { object: { id, status: 'active', customerReference: reference } },
    });
    expect(cardEvents[1]?.data.object).toMatchObject({ id, status: 'deleted' });
    const [token] = await sandboxTokens(reference);
    expect(token).toBeUndefined();
    expect(feed.text).not.toMatch(/recurring_?id/i);
  });

  it.each([
    [{ savedCardId: 'card_aaaaaaaaaaaaaaaaaaaaaaaaaa', card: {} }, 'savedCardId'],
    [{ savedCardId: 'nope' }, 'savedCardId'],
    [{ savedCardId: 'card_aaaaaaaaaaaaaaaaaaaaaaaaaa', recurring: undefined }, 'recurring'],
    [{ recurring: { model: 'weekly', customerReference: 'c-1' } }, 'recurring.model'],
    [
      { recurring: { model: 'cardOnFile', customerReference: 'has space' } },
      'recurring.customerReference',
    ],
    [
      { recurring: { model: 'cardOnFile', customerReference: 'x'.repeat(51) } },
      'recurring.customerReference',
    ],
    [{ savedCardId: 'card_aaaaaaaaaaaaaaaaaaaaaaaaaa', captureMode: 'manual' }, 'savedCardId'],
  ])('should refuse %j naming %s', async (overrides, field) => {
    const base = paymentRequest();
    const body: Record<string, unknown> = { ...base, ...overrides };
    if ('savedCardId' in overrides && !('card' in overrides)) delete body.card;
    if ('savedCardId' in overrides && !('recurring' in overrides))
      body.recurring = { model: 'cardOnFile', customerReference: 'c-1' };
    if ('recurring' in overrides && overrides.recurring === undefined) delete body.recurring;
    const res = await createPayment<ErrorResponse>(sut.url, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.field)).toContain(field);
  });

  it('should validate the customer reference and card id of the saved card routes', async () => {
    expect((await call(sut.url, 'GET', '/v1/customers/has%20space/saved-cards')).status).toBe(400);
    expect((await call(sut.url, 'DELETE', '/v1/customers/c-1/saved-cards/not-a-card')).status).toBe(
      400,
    );
  });

  it('should need payments:read to list and payments:write to delete or pay', async () => {
    const reference = customer();
    const first = await firstPayment(reference);
    const id = first.savedCard?.id ?? '';
    const path = `/v1/customers/${reference}/saved-cards`;
    expect((await call(sut.url, 'GET', path, undefined, { key: null })).status).toBe(401);
    const read = await call<{ data: SavedCard[] }>(sut.url, 'GET', path, undefined, {
      key: READER,
    });
    expect(read.status).toBe(200);
    expect(read.body.data.map((c) => c.id)).toEqual([id]);
    const del = await call<ErrorResponse>(sut.url, 'DELETE', `${path}/${id}`, undefined, {
      key: READER,
    });
    expect(del.status).toBe(403);
    expect(del.body.error.code).toBe('FORBIDDEN');
    expect((await payWithSavedCard(id, reference, {}, READER)).status).toBe(403);
    expect((await list(reference)).body.data.map((c) => c.status)).toEqual(['active']);
  });
});

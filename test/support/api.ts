import type { Payment } from '@app/client';
import { randomUUID } from 'node:crypto';

export const DEV_KEY = 'dev-secret';

/** Test cards of the sandbox (docs/multisafepay.md#test-environment, docs/sandbox.md#test-cards). */
export const CARDS = {
  threeDs: '4111111111111111',
  noThreeDs: '4012001038443335',
  amexNoThreeDs: '378282246310005',
  declined3ds: '4012001037461114',
  insufficientFunds: '4012001038488884',
  notATestCard: '4242424242424242',
  unclearedThenCompleted: '4462000000000003',
} as const;

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  key?: string | null;
  idempotencyKey?: string | null;
  headers?: Record<string, string>;
  rawBody?: string;
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? DEV_KEY : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let payload: string | undefined = options.rawBody;
  if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: payload, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

export function createPayment<T = PaymentBody>(
  base: string,
  body: Record<string, unknown>,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  return call<T>(base, 'POST', '/v1/payments', body, {
    idempotencyKey: randomUUID(),
    ...options,
  });
}

export function paymentRequest(
  overrides: Record<string, unknown> = {},
  card: Record<string, unknown> = {},
) {
  return {
    orderId: `ord-${randomUUID()}`,
    amount: 1000,
    currency: 'EUR',
    description: 'Order from the e2e suite',
    card: {
      number: CARDS.noThreeDs,
      holder: 'J. Jansen',
      expiryMonth: 12,
      expiryYear: 2030,
      cvc: '737',
      ...card,
    },
    customer: {
      email: 'j@example.com',
      ipAddress: '203.0.113.7',
      firstName: 'Jan',
      lastName: 'Jansen',
      locale: 'nl_NL',
      browser: {
        javascriptEnabled: true,
        language: 'nl-NL',
        screenWidth: 1920,
        screenHeight: 1080,
      },
    },
    redirectUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cancel',
    metadata: { cartId: 'c-9' },
    ...overrides,
  };
}

/** A payment as the API answers it: the generated client's type, from openapi.json. */
export type PaymentBody = Payment;

export interface ErrorResponse {
  error: { code: string; message: string; details?: { field: string; messages: string[] }[] };
  requestId: string;
}

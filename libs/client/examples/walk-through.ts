import { randomUUID } from 'node:crypto';
import {
  createPaymentsClient,
  idempotentCreate,
  paginate,
  PaymentsApiError,
  unwrap,
  type CreatePaymentRequest,
  type Payment,
} from '@msp-direct/payments-client';

const client = createPaymentsClient({
  baseUrl: process.env.PAYMENTS_URL ?? 'http://127.0.0.1:3000',
  apiKey: process.env.PAYMENTS_API_KEY ?? 'dev-secret',
});

// One Idempotency-Key per logical create, reused by the retries while the outcome is unknown.
const pay = (body: CreatePaymentRequest) =>
  idempotentCreate((idempotencyKey) =>
    client.POST('/v1/payments', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
const order = (number: string, amount: number): CreatePaymentRequest => ({
  orderId: `shop-${randomUUID()}`,
  amount, // minor units
  currency: 'EUR',
  description: 'Order from the walk-through',
  card: { number, holder: 'J. Jansen', expiryMonth: 12, expiryYear: 2030, cvc: '123' },
  customer: { email: 'j@example.com', ipAddress: '203.0.113.7' },
  redirectUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cancel',
});

// 1. A card without 3-D Secure: completed at once, nextAction null.
const direct = await pay(order('4012001038443335', 1000));
console.log('1.', direct.status, direct.nextAction);

// 2. A 3-D Secure card: initialized; redirect the shopper to nextAction.url.
const secured = await pay(order('4111111111111111', 2500));
console.log('2.', secured.status, secured.nextAction?.url);

// 3. The shopper authenticates on the sandbox's 3-D Secure page (their browser posts this form).
await fetch(secured.nextAction?.url ?? '', {
  method: 'POST',
  body: new URLSearchParams({ result: 'success' }),
  redirect: 'manual',
});

// 4. MultiSafepay's webhook completes it; the history shows each step.
let paid: Payment = secured;
for (let i = 0; i < 50 && paid.status === 'initialized'; i++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  paid = await unwrap(client.GET('/v1/payments/{id}', { params: { path: { id: secured.id } } }));
}
const history = await unwrap(
  client.GET('/v1/payments/{id}/events', { params: { path: { id: paid.id } } }),
);
console.log(
  '4.',
  paid.status,
  history.data.map((e) => `${e.from}→${e.to} (${e.source})`).join(', '),
);

// 5. Every completed payment of the last minute, newest first: the iterator follows nextCursor.
const since = new Date(Date.now() - 60_000).toISOString();
const recent: string[] = [];
for await (const payment of paginate((cursor) =>
  client.GET('/v1/payments', {
    params: { query: { status: 'completed', createdFrom: since, limit: 10, cursor } },
  }),
))
  recent.push(payment.orderId);
console.log('5.', [direct, paid].every((p) => recent.includes(p.orderId)) ? 'both listed' : recent);

// 6. A partial refund: its own Idempotency-Key, as any create.
const refund = await idempotentCreate((idempotencyKey) =>
  client.POST('/v1/payments/{id}/refunds', {
    params: { path: { id: direct.id }, header: { 'Idempotency-Key': idempotencyKey } },
    body: { amount: 400, description: 'Returned one item' },
  }),
);
console.log('6.', refund.amount, refund.status);

// 7. Errors are typed, with the API's code, message, details and requestId.
try {
  await pay({ ...order('4012001038443335', 1000), amount: 10.5 });
} catch (error) {
  if (!(error instanceof PaymentsApiError)) throw error;
  console.log('7.', error.status, error.code, JSON.stringify(error.details));
}

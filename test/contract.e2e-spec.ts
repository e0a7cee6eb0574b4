import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractProblem, type Answer } from './support/contract.js';
import { ContractViolation, takeContractProblems } from './support/contract-hook.js';

const PAYMENT = {
  id: '6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b',
  orderId: 'shop-1234',
  status: 'completed',
  amount: 1000,
  currency: 'EUR',
  description: 'Order #1234',
  card: { brand: 'VISA', last4: '3335', expiryMonth: 12, expiryYear: 2030 },
  nextAction: null,
  gateway: { transactionId: '9007199254741993', status: 'completed' },
  refundedAmount: 0,
  capture: null,
  savedCard: null,
  metadata: null,
  createdAt: '2026-11-24T14:00:00.000Z',
  updatedAt: '2026-11-24T14:00:01.000Z',
};
const CAPTURE = {
  id: '5b0e1f3c-2a4d-4b6e-8f0a-1c2d3e4f5a6b',
  paymentId: PAYMENT.id,
  amount: 600,
  currency: 'EUR',
  description: null,
  status: 'succeeded',
  gateway: { orderId: 'cap-1', transactionId: '17472052901238000' },
  error: null,
  createdAt: '2026-11-24T14:00:00.000Z',
  updatedAt: '2026-11-24T14:00:00.000Z',
};
const event = (type: string, object: unknown) => ({
  id: 'evt_0c6f2a9d41b7e03c85a1d2f4e6',
  type,
  createdAt: '2026-11-28T18:00:00.000Z',
  paymentId: PAYMENT.id,
  sequence: 3,
  data: { object },
});

const json = (
  method: string,
  path: string,
  status: number,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
): Answer => ({
  method,
  url: `http://127.0.0.1:3000${path}`,
  status,
  contentType,
  body: JSON.stringify(body),
});

/** The check every e2e answer goes through (test/support/contract.ts), on answers made here. */
describe('the contract check of the e2e suite', () => {
  it('should pass an answer as openapi.json documents it, null for a nullable object included', () => {
    expect(
      contractProblem(json('GET', `/v1/payments/${PAYMENT.id}`, 200, PAYMENT)),
    ).toBeUndefined();
    expect(
      contractProblem(
        json('GET', `/v1/payments/${PAYMENT.id}`, 200, {
          ...PAYMENT,
          nextAction: { type: 'redirect', url: 'https://pay.example/3ds', form: null },
        }),
      ),
    ).toBeUndefined();
  });

  it('should fail an undocumented status, naming the declared ones', () => {
    const problem = contractProblem(json('GET', `/v1/payments/${PAYMENT.id}`, 409, {}));
    expect(problem).toContain('GET /v1/payments/{id} (getPayment)');
    expect(problem).toMatch(/status 409 is not declared \(declared: 200, 400, .*404/);
  });

  it('should fail a property the schema does not declare, a wrong type and a missing field', () => {
    const { refundedAmount: _dropped, ...withoutRefunded } = PAYMENT;
    const problem = contractProblem(
      json('GET', `/v1/payments/${PAYMENT.id}`, 200, {
        ...withoutRefunded,
        surprise: true,
        capture: 'manual',
      }),
    );
    expect(problem).toContain("must NOT have unevaluated properties 'surprise'");
    expect(problem).toContain("must have required property 'refundedAmount'");
    expect(problem).toContain('/capture');
  });

  it('should fail error details sent in another shape than declared', () => {
    const error = (details: unknown) =>
      json('POST', '/v1/payments', 400, {
        error: { code: 'VALIDATION_FAILED', message: 'Invalid request', details },
        requestId: 'r-1',
      });
    expect(contractProblem(error([{ field: 'amount', messages: ['bad'] }]))).toBeUndefined();
    expect(contractProblem(error({ amount: 'bad' }))).toContain('/error/details');
  });

  it("should hold an event's data.object to the resource its type names", () => {
    const feed = (type: string, object: unknown) =>
      json('GET', '/v1/events', 200, {
        data: [event(type, object)],
        nextCursor: 'c',
        hasMore: false,
      });
    expect(contractProblem(feed('capture.succeeded', CAPTURE))).toBeUndefined();
    expect(contractProblem(feed('payment.captured', PAYMENT))).toBeUndefined();
    expect(contractProblem(feed('capture.succeeded', PAYMENT))).toContain('/data/0');
    // The API key's name stays in the API: a capture in an event has no requestedBy.
    expect(
      contractProblem(feed('capture.succeeded', { ...CAPTURE, requestedBy: 'dev' })),
    ).toContain("/data/0/data/object must NOT have unevaluated properties 'requestedBy'");
    expect(contractProblem(feed('payment.paid', PAYMENT))).toContain('/data/0');
  });

  it('should fail a content type or a body the answer does not declare', () => {
    expect(
      contractProblem({
        ...json('GET', '/metrics', 200, ''),
        body: '# HELP',
        contentType: 'text/plain',
      }),
    ).toBeUndefined();
    expect(contractProblem(json('GET', '/metrics', 200, 'up 1'))).toContain(
      "content type 'application/json; charset=utf-8' is not declared (declared: text/plain)",
    );
    const deleted = json('DELETE', `/v1/webhook-endpoints/${PAYMENT.id}`, 204, {});
    expect(contractProblem(deleted)).toContain('a body is sent where none is declared');
    expect(contractProblem({ ...deleted, body: '', contentType: null })).toBeUndefined();
  });

  it('should leave what is no operation of the document alone', () => {
    expect(contractProblem(json('GET', '/docs', 200, '<html>'))).toBeUndefined();
    expect(contractProblem(json('GET', '/no/such/route', 404, {}))).toBeUndefined();
    expect(contractProblem(json('PUT', '/v1/payments', 404, {}))).toBeUndefined();
  });
});

describe('the hook on fetch', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // Not the service: a server that answers like a service whose code drifted from the document.
    server = createServer((req, res) => {
      if (req.url === '/v1/payments?limit=1') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: [{ ...PAYMENT, amount: '10.00' }], nextCursor: null }));
      } else {
        res.writeHead(418, { 'content-type': 'application/json' });
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('should reject the fetch with the reason, and record it for the running test', async () => {
    const answer = fetch(`${base}/v1/payments?limit=1`);
    await expect(answer).rejects.toThrow(ContractViolation);
    await expect(fetch(`${base}/v1/payments?limit=1`)).rejects.toThrow(
      /listPayments.*\n {2}- \/data\/0\/amount must be number/,
    );
    await expect(fetch(`${base}/health/live`)).rejects.toThrow('status 418 is not declared');
    // Taken here, or the hook would fail this test after it (as it fails any test that caught one).
    expect(takeContractProblems()).toHaveLength(3);
    expect((await fetch(`${base}/demo`)).status).toBe(418);
  });
});

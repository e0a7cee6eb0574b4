import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CARDS, createPayment, paymentRequest, type PaymentBody } from './support/api.js';
import { startApp, type RunningApp } from './support/app.js';
import { sandboxAdmin, submit3ds } from './support/sandbox.js';

describe('GET /metrics after traffic', () => {
  let sut: RunningApp;
  let text: string;

  beforeAll(async () => {
    sut = await startApp({ RECONCILE_INTERVAL_MS: '200', RECONCILE_AFTER_MS: '60000' });
    await createPayment(sut.url, paymentRequest({}, { number: CARDS.noThreeDs }));
    await createPayment(sut.url, paymentRequest({}, { number: CARDS.declined3ds }));
    const threeDs = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({}, { number: CARDS.threeDs }),
    );
    await submit3ds(threeDs.body.nextAction?.url ?? '', 'success');
    await call(sut.url, 'GET', `/v1/payments/${threeDs.body.id}`);
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/faults', {
      mode: 'error',
      count: 1,
      status: 503,
    });
    await createPayment(sut.url, paymentRequest({}, { number: CARDS.noThreeDs }));
    // Generous: the whole suite runs in parallel on two cores.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const res = await fetch(`${sut.url}/metrics`);
      text = await res.text();
      if (
        /webhook_notifications_total\{[^}]*outcome="applied"/.test(text) &&
        /reconciler_runs_total [1-9]/.test(text)
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should serve the Prometheus text format', async () => {
    const res = await call(sut.url, 'GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it.each([
    [
      'HTTP latency by route pattern and status',
      /http_request_duration_seconds_bucket\{[^}]*method="POST",route="\/v1\/payments",status="201"/,
    ],
    [
      'HTTP latency keeps ids out of the labels',
      /http_request_duration_seconds_count\{[^}]*route="\/v1\/payments\/:id"/,
    ],
    ['payments created by outcome', /payments_created_total\{outcome="completed"\} [1-9]/],
    ['declined payments', /payments_created_total\{outcome="declined"\} [1-9]/],
    ['failed creates by error code', /payments_created_total\{outcome="GATEWAY_UNAVAILABLE"\} 1/],
    [
      'transitions by from and to',
      /payment_transitions_total\{from="initialized",to="completed",source="notification",anomaly="false"\} [1-9]/,
    ],
    [
      'gateway latency by operation',
      /msp_gateway_request_duration_seconds_count\{operation="create order",outcome="ok"\} [1-9]/,
    ],
    [
      'gateway errors by operation',
      /msp_gateway_errors_total\{operation="create order",outcome="GATEWAY_UNAVAILABLE"\} 1/,
    ],
    ['webhook outcomes', /webhook_notifications_total\{method="POST",outcome="applied"\} [1-9]/],
    ['reconciler runs', /reconciler_runs_total [1-9]/],
    ['process metrics', /process_cpu_seconds_total/],
  ])('should expose %s', (_name, pattern) => {
    expect(text).toMatch(pattern);
  });

  it('should never put a card number in a label', () => {
    expect(text).not.toContain(CARDS.noThreeDs);
  });
});

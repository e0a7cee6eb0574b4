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
    // For the create alone (a POST): the reconciler's and the webhooks' order reads are GETs.
    await sandboxAdmin(sut.url, 'POST', '/sandbox-admin/faults', {
      mode: 'error',
      count: 1,
      status: 503,
      method: 'POST',
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

  it('should name the Node.js release it runs on (the project runs on Node.js 24)', () => {
    const labels = /^nodejs_version_info\{([^}]*)\} 1$/m.exec(text)?.[1];
    expect(labels).toContain(`version="${process.version}"`);
    expect(labels).toContain('major="24"');
  });

  it('should report readiness as health_ready 1', async () => {
    const res = await call<string>(sut.url, 'GET', '/metrics');
    expect(String(res.body)).toMatch(/^health_ready 1$/m);
  });

  it('should report the age of the open payment that has not moved for longest', async () => {
    const open = await createPayment<PaymentBody>(
      sut.url,
      paymentRequest({}, { number: CARDS.threeDs }),
    );
    expect(open.body.status).toBe('initialized');
    // As if the shopper had left it at 3-D Secure two hours ago.
    await sut.dataSource.query(
      `UPDATE payments SET updated_at = now() - interval '2 hours' WHERE id = $1`,
      [open.body.id],
    );
    const age = async () => {
      const body = await (await fetch(`${sut.url}/metrics`)).text();
      return Number(/^payments_oldest_open_age_seconds (\S+)$/m.exec(body)?.[1]);
    };
    expect(await age()).toBeGreaterThanOrEqual(7200);
    const cancelled = await call<PaymentBody>(
      sut.url,
      'POST',
      `/v1/payments/${open.body.id}/cancel`,
    );
    expect(cancelled.body.status).toBe('void');
    // On a database of its own (embedded) nothing else is that old; a shared one may hold other
    // tests' backdated payments.
    if (!process.env.DATABASE_URL) expect(await age()).toBeLessThan(7200);
  });

  it('should never put a card number in a label', () => {
    expect(text).not.toContain(CARDS.noThreeDs);
  });
});

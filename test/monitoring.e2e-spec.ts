import { parser } from '@prometheus-io/lezer-promql';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startApp, type RunningApp } from './support/app.js';
import { ROOT } from './support/process.js';

/**
 * The dashboard and the alert rules in deploy/ only help if every series they read exists: a
 * renamed metric silently turns an alert off. So every PromQL expression is parsed (with the
 * Prometheus project's own PromQL grammar) and each metric it selects must be one the running
 * service declares on /metrics.
 */

/** The metric names a PromQL expression selects; throws on anything that is not PromQL. */
function metricNames(expr: string): string[] {
  // Grafana's interval variables stand for a duration.
  const promql = expr.replaceAll(/\$__(rate_)?interval/g, '5m');
  const names: string[] = [];
  const cursor = parser.parse(promql).cursor();
  do {
    if (cursor.type.isError) {
      throw new Error(`not PromQL at ${cursor.from}: ${promql}`);
    }
    if (cursor.name === 'VectorSelector') {
      const id = cursor.node.getChild('Identifier');
      if (id === null) throw new Error(`a selector without a metric name: ${promql}`);
      names.push(promql.slice(id.from, id.to));
    }
  } while (cursor.next());
  return names;
}

/** Every series name a scrape can hold, from the `# TYPE` lines (labelled series may be absent until used). */
function exposedSeries(text: string): Set<string> {
  const series = new Set<string>();
  for (const [, name = '', type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === 'histogram') {
      for (const suffix of ['_bucket', '_sum', '_count']) series.add(name + suffix);
    } else if (type === 'summary') {
      for (const suffix of ['', '_sum', '_count']) series.add(name + suffix);
    } else {
      series.add(name);
    }
  }
  return series;
}

interface AlertRule {
  alert?: unknown;
  record?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

const rules = parseYaml(readFileSync(`${ROOT}deploy/prometheus/alerts.yml`, 'utf8')) as {
  groups?: { name?: unknown; rules?: AlertRule[] }[];
};
const alerts = (rules.groups ?? []).flatMap((g) => g.rules ?? []);

interface Panel {
  id?: number;
  type?: string;
  title?: string;
  gridPos?: { h: number; w: number; x: number; y: number };
  datasource?: { type?: string; uid?: string };
  targets?: { refId?: string; expr?: string }[];
}

const dashboard = JSON.parse(
  readFileSync(`${ROOT}deploy/grafana/payments-dashboard.json`, 'utf8'),
) as {
  uid?: string;
  title?: string;
  panels?: Panel[];
  templating?: { list: { name: string; type: string; definition?: string }[] };
};
const panels = (dashboard.panels ?? []).filter((p) => p.type !== 'row');
const panelExprs = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));

describe('metricNames (the PromQL reading this test relies on)', () => {
  it('should find the metrics an expression selects, and none of its functions or labels', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket{route=~"/v1/.*"}[5m]))) / on() b_total > 1 and absent(c)',
      ),
    ).toEqual(['a_seconds_bucket', 'b_total', 'c']);
  });

  it('should refuse what is not PromQL', () => {
    expect(() => metricNames('sum(rate(x_total[5m])')).toThrow(/not PromQL/);
  });
});

describe('deploy/prometheus/alerts.yml', () => {
  it('should be rule groups, each alert with expr, for, a severity, a summary and a description', () => {
    expect(rules.groups?.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const group of rules.groups ?? []) {
      expect(typeof group.name).toBe('string');
      expect(group.rules?.length).toBeGreaterThan(0);
    }
    for (const rule of alerts) {
      const where = String(rule.alert);
      expect(Object.keys(rule), where).toSatisfy((keys: string[]) =>
        keys.every((k) => ['alert', 'expr', 'for', 'labels', 'annotations'].includes(k)),
      );
      expect(rule.alert, where).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(names.has(where), `${where} twice`).toBe(false);
      names.add(where);
      expect(typeof rule.expr, where).toBe('string');
      expect(() => metricNames(String(rule.expr)), where).not.toThrow();
      expect(rule.for, where).toMatch(/^(\d+(ms|s|m|h|d|w|y))+$/);
      expect(['critical', 'warning', 'info'], where).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, where).toEqual(expect.stringMatching(/\S/));
      expect(rule.annotations?.description, where).toEqual(expect.stringMatching(/\S/));
      const runbook = (rule.annotations?.runbook as string | undefined)?.split('#')[0] ?? '';
      expect(runbook, where).not.toBe('');
      expect(existsSync(`${ROOT}${runbook}`), `${where}: runbook ${runbook}`).toBe(true);
    }
  });

  it.each([
    ['the oldest stuck payment', /payments_oldest_open_age_seconds/],
    ['gateway errors', /msp_gateway_errors_total\[/],
    ['gateway timeouts', /msp_gateway_errors_total\{outcome="GATEWAY_TIMEOUT"\}/],
    ['webhook 401s', /route="\/webhooks\/multisafepay",status="401"/],
    ['readiness', /health_ready == 0/],
    [
      'p99 latency',
      /histogram_quantile\(0\.99,\s*sum by \(le, route\) \(rate\(http_request_duration_seconds_bucket/,
    ],
    ['the event backlog', /events_oldest_pending_age_seconds/],
  ])('should alert on %s', (_what, pattern) => {
    expect(alerts.map((r) => String(r.expr)).some((e) => pattern.test(e))).toBe(true);
  });
});

describe('deploy/grafana/payments-dashboard.json', () => {
  it('should be a dashboard whose panels each query Prometheus, laid out on the grid', () => {
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(dashboard.title).toBeTruthy();
    expect(panels.length).toBeGreaterThan(10);
    const ids = (dashboard.panels ?? []).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of panels) {
      expect(panel.title).toBeTruthy();
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      const g = panel.gridPos;
      expect(g && g.x >= 0 && g.w > 0 && g.x + g.w <= 24 && g.h > 0, panel.title).toBe(true);
    }
  });
});

describe('every metric the dashboard and the alerts use is on /metrics', () => {
  let sut: RunningApp;
  let exposed: Set<string>;

  beforeAll(async () => {
    sut = await startApp({ RECONCILE_INTERVAL_MS: '0' });
    const res = await fetch(`${sut.url}/metrics`);
    expect(res.status).toBe(200);
    exposed = exposedSeries(await res.text());
  });

  afterAll(async () => {
    await sut?.close();
  });

  const variableMetrics = (dashboard.templating?.list ?? []).flatMap((v) =>
    [...(v.definition ?? '').matchAll(/label_values\((\w+)/g)].map((m) => m[1] ?? ''),
  );
  const used = [
    ...alerts.map((r) => ({ from: `alert ${String(r.alert)}`, expr: String(r.expr) })),
    ...panelExprs.map((expr) => ({ from: 'dashboard', expr })),
  ];

  it('should read the exposed series from the TYPE lines (histograms as _bucket/_sum/_count)', () => {
    expect(exposed).toContain('http_request_duration_seconds_bucket');
    expect(exposed).not.toContain('http_request_duration_seconds');
    expect(exposed).toContain('payments_created_total');
  });

  it.each(used.map((u) => [u.from, u.expr]))('%s: %s', (_from, expr) => {
    const names = metricNames(expr);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(exposed, `${name} is not on /metrics`).toContain(name);
  });

  it('should expose the metric the dashboard lists its jobs by', () => {
    expect(variableMetrics.length).toBeGreaterThan(0);
    for (const name of variableMetrics) expect(exposed).toContain(name);
  });
});

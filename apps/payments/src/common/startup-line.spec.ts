import { describe, expect, it } from 'vitest';
import { logFormat } from './logger.js';
import { startupLine, type StartupFacts } from './startup-line.js';

const facts: StartupFacts = {
  host: '0.0.0.0',
  port: 3000,
  managementPort: 9100,
  docsEnabled: false,
  databaseUrl: 'postgres://payments:hunter2@db.internal:5432/payments',
  dataDir: './data',
  msp: 'live',
  webhookEndpoints: 'https only, loopback refused, private addresses allowed',
  node: 'v24.21.0',
};

describe('startupLine', () => {
  it('should show a wildcard address as loopback, the management port, and no password', () => {
    const sut = startupLine(facts);
    expect(sut).toBe(
      'Payments service ready: API http://127.0.0.1:3000/v1 · health http://127.0.0.1:9100/health/ready' +
        ' | database: PostgreSQL db.internal:5432/payments | gateway: MultiSafepay live' +
        ' | webhook endpoints: https only, loopback refused, private addresses allowed' +
        ' | Node.js v24.21.0',
    );
    expect(sut).not.toContain('hunter2');
  });

  it('should name the embedded data directory', () => {
    const sut = startupLine({ ...facts, databaseUrl: undefined, managementPort: null });
    expect(sut).toContain('database: embedded PostgreSQL (data in ./data)');
  });
});

describe('logFormat', () => {
  it('should be pretty on a terminal, JSON on a pipe, and JSON to LOG_FILE either way', () => {
    expect(logFormat({ logFile: undefined }, true)).toBe('pretty');
    expect(logFormat({ logFile: undefined }, false)).toBe('json');
    expect(logFormat({ logFile: '/tmp/x.log' }, true)).toBe('file');
  });
});

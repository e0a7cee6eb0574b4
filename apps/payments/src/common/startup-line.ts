import type { MspEnvironment } from '@app/multisafepay';

export interface StartupFacts {
  host: string;
  port: number;
  managementPort: number | null;
  docsEnabled: boolean;
  /** DATABASE_URL, when set (only its host and database are shown). */
  databaseUrl: string | undefined;
  dataDir: string;
  msp: MspEnvironment;
  /** The Node.js release running the service (`process.version`). */
  node: string;
  /** Where webhook endpoints may point, in a few words (`EndpointAddressPolicy.summary`). */
  webhookEndpoints: string;
}

const GATEWAY: Record<MspEnvironment, string> = {
  sandbox: 'built-in MultiSafepay sandbox',
  test: 'MultiSafepay test',
  live: 'MultiSafepay live',
};

/**
 * The one line a person reads at start-up: where to go (API, Swagger UI, demo checkout), what
 * the service runs on (embedded or PostgreSQL; sandbox, MultiSafepay test or live; which
 * Node.js) and where webhook endpoints may point (loopback is allowed outside production). No
 * secret: the database is named by host and database only.
 */
export function startupLine(f: StartupFacts): string {
  const base = `http://${displayHost(f.host)}:${f.port}`;
  const urls = [
    `API ${base}/v1`,
    ...(f.docsEnabled ? [`docs ${base}/docs`] : []),
    ...(f.msp === 'sandbox' ? [`demo ${base}/demo`] : []),
    `health ${f.managementPort === null ? base : `http://${displayHost(f.host)}:${f.managementPort}`}/health/ready`,
  ];
  return (
    `Payments service ready: ${urls.join(' · ')} | database: ${database(f)} | ` +
    `gateway: ${GATEWAY[f.msp]} | webhook endpoints: ${f.webhookEndpoints} | Node.js ${f.node}`
  );
}

function database(f: StartupFacts): string {
  if (f.databaseUrl === undefined) {
    return `embedded PostgreSQL (${f.dataDir === 'memory://' ? 'in memory' : `data in ${f.dataDir}`})`;
  }
  try {
    const url = new URL(f.databaseUrl);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** A wildcard address is not something to paste into a browser: show the loopback one. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

import 'reflect-metadata';
import { startTracing, tracingProblems, tracingRequested, type StartedTracing } from '@app/tracing';

async function main(): Promise<void> {
  const tracingIssues = tracingProblems(process.env);
  // Instrumentation patches modules as they load, so tracing starts before the app is imported;
  // the app comes in by dynamic import for that reason. Without an OTLP endpoint nothing of
  // OpenTelemetry is loaded.
  let tracing: StartedTracing | undefined;
  if (tracingIssues.length === 0 && tracingRequested(process.env)) {
    tracing = await startTracing(process.env);
  }
  const { environmentProblems } = await import('./config/environment.js');
  // Configuration errors are the operator's to fix: one line each, no stack trace, exit 1.
  const problems = [...environmentProblems(process.env), ...tracingIssues];
  if (problems.length > 0) {
    process.stderr.write(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  const { loadAppConfig } = await import('./config/app.config.js');
  const { createApp } = await import('./bootstrap.js');
  const config = loadAppConfig(process.env);
  const app = await createApp();
  if (tracing !== undefined) {
    const started = tracing;
    // Runs within app.close() on SIGTERM, before Nest re-raises the signal: queued spans go out.
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', () => flush(started));
  }
  await app.listen(config.port, config.host);
  const { Logger } = await import('@nestjs/common');
  const { loadDatabaseConfig } = await import('@app/database');
  const { loadMultisafepayConfig } = await import('@app/multisafepay');
  const { gatewayEnv } = await import('./config/accounts.config.js');
  const { startupLine } = await import('./common/startup-line.js');
  const { EndpointAddressPolicy } = await import('@app/payments');
  const database = loadDatabaseConfig(process.env);
  new Logger('Startup').log(
    startupLine({
      host: config.host,
      port: config.port,
      managementPort: config.managementPort,
      docsEnabled: config.docsEnabled,
      databaseUrl: database.url,
      dataDir: database.dataDir,
      msp: loadMultisafepayConfig(gatewayEnv(process.env)).env,
      webhookEndpoints: app.get(EndpointAddressPolicy).summary(),
      node: process.version,
    }),
  );
}

/** Waits for the last export, but not for long when the collector does not answer. */
async function flush(tracing: StartedTracing): Promise<void> {
  await Promise.race([
    tracing.shutdown().catch(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref()),
  ]);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

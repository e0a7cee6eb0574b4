import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  MspEnvelopeFilter,
  MspSandboxModule,
  sandboxSitesFromEnv,
  sandboxTimersFromEnv,
} from '@app/msp-sandbox';

/**
 * The MultiSafepay sandbox on its own (`npm run sandbox`): PORT (4000), HOST (127.0.0.1),
 * MSP_SANDBOX_API_KEYS (comma-separated `[name:]key`, each a website of its own; default
 * `sandbox-api-key`; see sandboxSitesFromEnv), MSP_SANDBOX_PUBLIC_URL
 * (default http://HOST:PORT) and the timer variables of docs/sandbox.md.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? '4000');
  const host = process.env.HOST ?? '127.0.0.1';
  const { timers, problems } = sandboxTimersFromEnv(process.env);
  const { sites, problems: siteProblems } = sandboxSitesFromEnv(process.env);
  problems.push(...siteProblems);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push('PORT: must be an integer port number');
  if (problems.length > 0) {
    process.stderr.write(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  const publicBaseUrl = process.env.MSP_SANDBOX_PUBLIC_URL ?? `http://${host}:${port}`;
  const app = await NestFactory.create<NestFastifyApplication>(
    MspSandboxModule.forRoot({ ...sites, publicBaseUrl, routePrefix: '', ...timers }),
    new FastifyAdapter({ bodyLimit: 1_048_576 }),
    { logger: ['error', 'warn', 'log'] },
  );
  app.useGlobalFilters(new MspEnvelopeFilter());
  app.enableShutdownHooks();
  await app.listen(port, host);
  new Logger('MspSandbox').log(
    `MultiSafepay sandbox on ${publicBaseUrl}/v1/json (sites: ${sites.apiKeys.length})`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

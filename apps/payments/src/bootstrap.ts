import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadMultisafepayConfig } from '@app/multisafepay';
import { MspEnvelopeFilter } from '@app/msp-sandbox';
import { ValidationFailedError, type FieldProblem, type HostResolver } from '@app/payments';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { EVENT_SCHEMA } from './events/dto/event.dto.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { ManagementPort } from './common/management-port.js';
import { genRequestId } from './common/request-id.js';
import {
  CONSOLE_POLICY,
  DEFAULT_POLICY,
  INLINE_SCRIPT_PAGES,
  registerNoStore,
  registerSecurityHeaders,
} from './common/security-headers.js';
import { CONSOLE_PATH, serveConsole } from './console/console.js';
import { gatewayEnv, loadAccountsConfig } from './config/accounts.config.js';
import { loadAppConfig } from './config/app.config.js';
import { loadAmqpConfig, rabbitMqImports } from './config/amqp.config.js';
import { MetricsService } from './metrics/metrics.service.js';

function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const own = Object.values(e.constraints ?? {});
    return [
      ...(own.length > 0 ? [{ field, messages: own }] : []),
      ...fieldProblems(e.children ?? [], `${field}.`),
    ];
  });
}

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // Card fields must never be echoed back in an error.
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new ValidationFailedError(fieldProblems(errors)),
});

/**
 * The contract (openapi.json, /docs-json). OpenAPI 3.1, so that a nullable object is
 * `anyOf: [{$ref}, {type: 'null'}]`, which strict validators and generators read as meant.
 * `npm run lint` checks it with Redocly (redocly.yaml); the e2e suite validates every answer
 * it receives against it (test/support/contract.ts).
 */
export function buildOpenApiDocument(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('MultiSafepay direct card payments')
    .setDescription(
      'Internal API for server-to-server credit-card payments through MultiSafepay. ' +
        'Authenticate with `Authorization: Bearer <secret>` (see API_KEYS).',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    // Relative first: Swagger UI at /docs calls the service that serves it, wherever it runs.
    .addServer('/', 'The service that serves this document')
    .addServer('http://127.0.0.1:3000', '`npm start` on this machine (sandbox gateway)')
    .addBearerAuth()
    .build();
  // A union Nest cannot declare with a class: see EVENT_SCHEMA.
  config.components = { ...config.components, schemas: { EventDto: EVENT_SCHEMA } };
  return SwaggerModule.createDocument(app, config);
}

export interface AppOptions {
  /** Resolves webhook endpoints' host names; the system's DNS unless a test brings its own. */
  resolveHost?: HostResolver;
}

/** Builds the payments app (not listening). Used by main.ts and by the e2e tests alike. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const config = loadAppConfig(process.env);
  const management =
    config.managementPort === null ? null : new ManagementPort(config.managementPort, config.host);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: genRequestId,
    // request.ip: X-Forwarded-For only from the proxies TRUST_PROXY names.
    trustProxy:
      typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    ...(management ? { serverFactory: management.serverFactory } : {}),
  });
  management?.install(adapter.getInstance());
  // Make Fastify's request id the one pino logs and callers see.
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    (request.raw as { id?: string }).id = String(request.id);
    void reply.header('x-request-id', String(request.id));
    done();
  });
  // Refuses what the service cannot serve (several accounts in this build) before anything starts.
  loadAccountsConfig(process.env);
  const msp = loadMultisafepayConfig(gatewayEnv(process.env));
  // RabbitMQ (and amqplib) is loaded only when AMQP_URL is set.
  const broker = await rabbitMqImports(loadAmqpConfig(process.env));
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(msp, broker, options.resolveHost),
    adapter,
    {
      bufferLogs: true,
      rawBody: true,
    },
  );
  app.useLogger(app.get(Logger));
  registerSecurityHeaders(adapter.getInstance(), DEFAULT_POLICY, [
    { prefixes: [CONSOLE_PATH], options: CONSOLE_POLICY },
    INLINE_SCRIPT_PAGES,
  ]);
  registerNoStore(adapter.getInstance(), '/v1');
  if (config.consoleEnabled) await serveConsole(app);
  observeHttp(adapter, app.get(MetricsService));
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(
    new HttpErrorFilter(
      msp.env === 'sandbox'
        ? ['/sandbox/', '/sandbox-admin/'].map((prefix) => ({
            prefix,
            filter: new MspEnvelopeFilter(),
          }))
        : [],
    ),
  );
  app.enableShutdownHooks();
  if (config.docsEnabled) {
    SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  }
  return app;
}

/** TRUST_PROXY=N: the N proxies nearest to us are believed (as proxy-addr reads a number). */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** Request latency by route pattern (not by URL: ids would explode the label set). */
function observeHttp(adapter: FastifyAdapter, metrics: MetricsService): void {
  const started = new WeakMap<object, bigint>();
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, _reply, done) => {
    started.set(request, process.hrtime.bigint());
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const start = started.get(request);
    if (start !== undefined) {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.httpDuration.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        Number(process.hrtime.bigint() - start) / 1e9,
      );
    }
    done();
  });
}

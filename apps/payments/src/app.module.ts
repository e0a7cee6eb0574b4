import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import {
  databaseConfig,
  DatabaseLifecycle,
  DatabaseModule,
  type DatabaseConfig,
} from '@app/database';
import { MultiSafepayModule, type MultisafepayConfig } from '@app/multisafepay';
import {
  EndpointAddressPolicy,
  PaymentsModule,
  systemHostResolver,
  type HostResolver,
  type PaymentsOptions,
} from '@app/payments';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logger.js';
import { accountsConfig, gatewayConfig } from './config/accounts.config.js';
import { appConfig, type AppConfig } from './config/app.config.js';
import { authConfig } from './config/auth.config.js';
import { paymentsConfig, type PaymentsConfig } from './config/payments.config.js';
import { eventsConfig, type EventsConfig } from './config/events.config.js';
import { tokenCipherFor, tokensConfig, type TokensConfig } from './config/tokens.config.js';
import { WebhookSenderModule } from '@app/webhook-sender';
import { currentTraceparent } from '@app/tracing';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { PrometheusPaymentsObserver } from './metrics/prometheus.observer.js';
import { PaymentsApiModule } from './payments/payments-api.module.js';
import { EventsApiModule } from './events/events-api.module.js';
import { sandboxImports } from './sandbox/sandbox.imports.js';

@Module({})
export class AppModule {
  /**
   * `msp` decides the shape of the app: in sandbox mode the MultiSafepay sandbox is mounted.
   * `eventBroker` is the RabbitMQ module when AMQP_URL is set (loaded only then). `resolveHost`
   * resolves webhook endpoints' host names (the system's DNS; a test's, to run offline).
   */
  static register(
    msp: MultisafepayConfig,
    eventBroker: DynamicModule[] = [],
    resolveHost: HostResolver = systemHostResolver,
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [
            appConfig,
            databaseConfig,
            authConfig,
            paymentsConfig,
            eventsConfig,
            accountsConfig,
            gatewayConfig,
            tokensConfig,
          ],
        }),
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (app: AppConfig) => loggerParams(app),
        }),
        ThrottlerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (app: AppConfig) => ({
            throttlers: [{ ttl: 1000, limit: Math.max(1, app.rateLimitPerSecond) }],
            skipIf: () => app.rateLimitPerSecond === 0,
          }),
        }),
        DatabaseModule,
        HealthModule,
        MetricsModule,
        PaymentsModule.forRootAsync({
          imports: [MultiSafepayModule, WebhookSenderModule, ...eventBroker],
          observer: PrometheusPaymentsObserver,
          // Events keep the trace of the request that caused them (null while tracing is off).
          traceparent: currentTraceparent,
          inject: [
            appConfig.KEY,
            gatewayConfig.KEY,
            paymentsConfig.KEY,
            eventsConfig.KEY,
            DatabaseLifecycle,
            tokensConfig.KEY,
            databaseConfig.KEY,
          ],
          useFactory: (
            app: AppConfig,
            gateway: MultisafepayConfig,
            payments: PaymentsConfig,
            events: EventsConfig,
            database: DatabaseLifecycle,
            tokens: TokensConfig,
            db: DatabaseConfig,
          ): PaymentsOptions => {
            const { endpointAddresses, ...eventOptions } = events;
            return {
              notificationUrl: `${app.publicBaseUrl}/webhooks/multisafepay`,
              defaultNotificationMethod: gateway.notificationMethod,
              // One gateway call plus the database work around it.
              idempotencyLeaseMs: gateway.timeoutMs + 10_000,
              reconcileIntervalMs: payments.reconcileIntervalMs,
              reconcileAfterMs: payments.reconcileAfterMs,
              abandonAfterMs: payments.abandonAfterMs,
              // The embedded database serves one process: its own commits wake its relay.
              events: { ...eventOptions, listen: !database.isEmbedded },
              rereadWindowMs: payments.webhookRereadWindowMs,
              refusedAuditRows: payments.webhookRefusedAuditRows,
              idempotencyKeyTtlMs: payments.idempotencyKeyTtlHours * 3_600_000,
              notificationsRetentionMs: payments.notificationsRetentionDays * 86_400_000,
              tokenCipher: tokenCipherFor(tokens, db.dataDir),
              endpointAddresses: new EndpointAddressPolicy(endpointAddresses, resolveHost),
            };
          },
        }),
        PaymentsApiModule,
        EventsApiModule,
        ...sandboxImports(msp),
      ],
    };
  }
}

import { randomBytes } from 'node:crypto';
import { DatabaseLifecycle, type DatabaseConfig } from '@app/database';
import { Global, Module, type INestApplicationContext, type Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EndpointAddressPolicy } from '../events/endpoint-address-policy.js';
import { OrdersGateway } from '../gateway/orders.gateway.js';
import { PaymentsModule } from '../payments.module.js';
import type { PaymentsOptions } from '../payments/payments.options.js';
import { TokenCipher, tokenKey } from '../saved-cards/token-cipher.js';

/**
 * The payments domain for unit specs, on a real database: the embedded PostgreSQL (PGlite) in
 * memory, migrated as in production, and the domain wired by its own module. The only fake is
 * the gateway port (MultiSafepay's side), which the spec brings.
 */
export interface TestDomain {
  app: INestApplicationContext;
  dataSource: DataSource;
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** Options as the application would give them, with the relay off (a spec drives what it needs). */
export function testOptions(overrides: Partial<PaymentsOptions> = {}): PaymentsOptions {
  return {
    notificationUrl: 'http://127.0.0.1:1/webhooks/multisafepay',
    defaultNotificationMethod: 'POST',
    idempotencyLeaseMs: 2_000,
    reconcileIntervalMs: 0,
    reconcileAfterMs: 60_000,
    abandonAfterMs: 3_600_000,
    rereadWindowMs: 0,
    refusedAuditRows: 5,
    idempotencyKeyTtlMs: 86_400_000,
    notificationsRetentionMs: 30 * 86_400_000,
    events: {
      relay: false,
      listen: false,
      pollIntervalMs: 60_000,
      webhookTimeoutMs: 1_000,
      endpointConcurrency: 4,
      retryScheduleMs: [10, 20],
      disableAfterMs: 3_600_000,
      retentionMs: 86_400_000,
    },
    tokenCipher: new TokenCipher(tokenKey(randomBytes(32))),
    endpointAddresses: new EndpointAddressPolicy({
      production: false,
      allowHttp: true,
      allowedCidrs: null,
      deniedCidrs: [],
    }),
    ...overrides,
  };
}

/** Starts a fresh in-memory database and the domain on it, with `gateway` as MultiSafepay. */
export async function startDomain(
  gateway: OrdersGateway,
  options: Partial<PaymentsOptions> = {},
  providers: Provider[] = [],
): Promise<TestDomain> {
  const config: DatabaseConfig = {
    url: undefined,
    dataDir: 'memory://',
    poolSize: 1,
    connectTimeoutMs: 10_000,
  };
  const database = new DatabaseLifecycle(config);
  const dataSource = await database.connect();

  @Global()
  @Module({
    providers: [{ provide: getDataSourceToken(), useValue: dataSource }, ...providers],
    exports: [getDataSourceToken(), ...providers],
  })
  class TestDatabaseModule {}

  @Module({
    providers: [{ provide: OrdersGateway, useValue: gateway }],
    exports: [OrdersGateway],
  })
  class TestGatewayModule {}

  try {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TestDatabaseModule,
        PaymentsModule.forRootAsync({
          imports: [TestGatewayModule],
          useFactory: () => testOptions(options),
        }),
      ],
    }).compile();
    const app = await moduleRef.init();
    return {
      app,
      dataSource,
      get: (type) => app.get(type),
      close: async () => {
        await app.close();
        await database.onApplicationShutdown();
      },
    };
  } catch (error) {
    await database.onApplicationShutdown();
    throw error;
  }
}

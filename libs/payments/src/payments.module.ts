import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PAYMENTS_ENTITIES } from './entities/index.js';
import { PaymentLifecycleService } from './lifecycle/payment-lifecycle.service.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { ReconcilerService } from './notifications/reconciler.service.js';
import { TransactionRunner } from './lifecycle/transaction-runner.js';
import { NoopPaymentsObserver, PaymentsObserver } from './observability/payments.observer.js';
import { PaymentsOptions } from './payments/payments.options.js';
import { PaymentsService } from './payments/payments.service.js';
import { PaymentCreationService } from './payments/payment-creation.service.js';
import { IdempotencyKeysRepository } from './payments/idempotency-keys.repository.js';
import { CreateIdempotency } from './payments/create-idempotency.js';
import { OrderSubmission } from './payments/order-submission.js';
import { RefundsService } from './refunds/refunds.service.js';
import { CapturesService } from './captures/captures.service.js';
import { CapturesRepository } from './captures/captures.repository.js';
import { RefundsRepository } from './refunds/refunds.repository.js';
import { CancellationService } from './cancellation/cancellation.service.js';
import { EventsService } from './events/events.service.js';
import { OutboxRelay } from './events/outbox-relay.service.js';
import { Outbox } from './events/outbox.js';
import { NoTraceparent, TraceparentSource, traceparentSourceOf } from './events/traceparent.js';
import { PaymentsRepository } from './lifecycle/payments.repository.js';
import { OutboxWriter } from './events/outbox-writer.js';
import { WebhookEndpointsService } from './events/webhook-endpoints.service.js';
import { EndpointAddressPolicy } from './events/endpoint-address-policy.js';
import { RetentionService } from './retention/retention.service.js';
import { SavedCardsService } from './saved-cards/saved-cards.service.js';

export interface PaymentsModuleAsyncOptions {
  /**
   * Must export an `OrdersGateway` provider (e.g. MultiSafepayModule) and what `inject` needs;
   * the event transports (`WebhookSender`, `EventBroker`) too, when events are to leave.
   */
  imports: NonNullable<ModuleMetadata['imports']>;
  inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  useFactory: (...args: never[]) => PaymentsOptions | Promise<PaymentsOptions>;
  /** Receives the domain's measurements; visible to `imports` too (e.g. the gateway adapter). */
  observer?: new (...args: never[]) => PaymentsObserver;
  /** The trace context of the current request, kept with the events it causes (tracing's). */
  traceparent?: () => string | null;
}

/**
 * The payments domain. Needs a `DataSource` provider (DatabaseModule) in the application and an
 * `OrdersGateway` adapter from `imports`; it knows only the port, never the adapter.
 */
@Module({})
export class PaymentsModule {
  static forRootAsync(options: PaymentsModuleAsyncOptions): DynamicModule {
    const providers = [
      TransactionRunner,
      PaymentsRepository,
      IdempotencyKeysRepository,
      PaymentLifecycleService,
      PaymentsService,
      CreateIdempotency,
      OrderSubmission,
      PaymentCreationService,
      NotificationsService,
      ReconcilerService,
      RefundsRepository,
      RefundsService,
      CapturesRepository,
      CapturesService,
      CancellationService,
      Outbox,
      OutboxWriter,
      EventsService,
      WebhookEndpointsService,
      OutboxRelay,
      RetentionService,
      SavedCardsService,
    ];
    return {
      module: PaymentsModule,
      // One instance per application: the API, the webhooks and the reconciler share it.
      global: true,
      imports: [TypeOrmModule.forFeature(PAYMENTS_ENTITIES), ...options.imports],
      providers: [
        ...providers,
        { provide: PaymentsOptions, inject: options.inject ?? [], useFactory: options.useFactory },
        // Visible to `imports` too: the webhook sender checks every address it dials with it.
        {
          provide: EndpointAddressPolicy,
          inject: [PaymentsOptions],
          useFactory: (o: PaymentsOptions) => o.endpointAddresses,
        },
        { provide: PaymentsObserver, useClass: options.observer ?? NoopPaymentsObserver },
        {
          provide: TraceparentSource,
          useValue: options.traceparent
            ? traceparentSourceOf(options.traceparent)
            : new NoTraceparent(),
        },
      ],
      exports: [
        ...providers,
        PaymentsOptions,
        PaymentsObserver,
        EndpointAddressPolicy,
        TypeOrmModule,
      ],
    };
  }
}

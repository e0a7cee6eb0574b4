import { Module, type DynamicModule } from '@nestjs/common';
import { EventBroker } from '@app/payments';
import { RabbitMqEventBroker } from './rabbitmq-event.broker.js';
import {
  RabbitMqSettings,
  resolveRabbitMqOptions,
  type RabbitMqOptions,
} from './rabbitmq.options.js';

/**
 * Binds the `EventBroker` port to RabbitMQ (docs/design.md#events). Import it only through
 * `await import('@app/rabbitmq')` when AMQP_URL is set, so that without it nothing of
 * RabbitMQ is loaded. `RabbitMqEventBroker` is exported too, for `isConnected()`.
 */
@Module({})
export class RabbitMqModule {
  static forRoot(options: RabbitMqOptions): DynamicModule {
    const settings: RabbitMqSettings = { options: resolveRabbitMqOptions(options) };
    return {
      module: RabbitMqModule,
      providers: [
        { provide: RabbitMqSettings, useValue: settings },
        RabbitMqEventBroker,
        { provide: EventBroker, useExisting: RabbitMqEventBroker },
      ],
      exports: [EventBroker, RabbitMqEventBroker],
    };
  }
}

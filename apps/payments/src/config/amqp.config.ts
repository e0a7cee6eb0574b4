import type { DynamicModule } from '@nestjs/common';
import { registerAs } from '@nestjs/config';
import { validateEnv } from '@app/payments';
import { IsOptional, Matches } from 'class-validator';

class AmqpEnv {
  @IsOptional()
  @Matches(/^amqps?:\/\/[^\s/?#]+(\/[^\s?#]*)?(\?[^\s#]*)?$/, {
    message: 'must be an amqp:// or amqps:// URL',
  })
  AMQP_URL?: string;
}

export interface AmqpConfig {
  /** RabbitMQ to publish the events to (docs/design.md#events); absent: no broker, nothing of it loaded. */
  url: string | undefined;
}

export function loadAmqpConfig(env: NodeJS.ProcessEnv): AmqpConfig {
  return { url: validateEnv(AmqpEnv, env).AMQP_URL };
}

export const amqpConfig = registerAs('amqp', () => loadAmqpConfig(process.env));

/**
 * The RabbitMQ transport's module when AMQP_URL is set, none otherwise. `@app/rabbitmq` (and
 * amqplib with it) is imported here and only here, on demand: without AMQP_URL it is never loaded.
 */
export async function rabbitMqImports(amqp: AmqpConfig): Promise<DynamicModule[]> {
  if (amqp.url === undefined) return [];
  const { RabbitMqModule } = await import('@app/rabbitmq');
  return [RabbitMqModule.forRoot({ url: amqp.url })];
}

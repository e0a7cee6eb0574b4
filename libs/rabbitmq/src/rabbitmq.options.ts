import { hostname } from 'node:os';

/** How `RabbitMqModule.forRoot` is configured; only `url` is required. */
export interface RabbitMqOptions {
  /** `amqp://` or `amqps://` URL, credentials and vhost included (AMQP_URL). */
  url: string;
  /** The topic exchange the events go to (durable). Default `payments.events`. */
  exchange?: string;
  /**
   * How long one `publish` waits for the broker's confirms, connecting included, before it
   * rejects so the relay retries later. Default 5000 ms.
   */
  publishTimeoutMs?: number;
  /** AMQP heartbeat: a silent broker is taken for dead after about two of them. Default 10 s. */
  heartbeatSeconds?: number;
  /** Pause between connection attempts. Default 2000 ms. */
  reconnectDelayMs?: number;
  /** Bound on one connection attempt (TCP, TLS and the AMQP handshake). Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Bound on closing at shutdown, so a dead broker never holds the process. Default 3000 ms. */
  closeTimeoutMs?: number;
  /** Shown in the broker's connection list (`rabbitmqctl list_connections client_properties`). */
  connectionName?: string;
}

export type ResolvedRabbitMqOptions = Required<RabbitMqOptions>;

/** The resolved options, injected into the adapter (a class, so it is its own token). */
export abstract class RabbitMqSettings {
  abstract readonly options: ResolvedRabbitMqOptions;
}

/** Fills in the defaults and refuses what cannot work, naming the option (never the URL). */
export function resolveRabbitMqOptions(options: RabbitMqOptions): ResolvedRabbitMqOptions {
  if (!/^amqps?:\/\/[^\s/?#]+/.test(options.url)) {
    throw new Error('RabbitMqModule: url must be an amqp:// or amqps:// URL');
  }
  const resolved: ResolvedRabbitMqOptions = {
    exchange: 'payments.events',
    publishTimeoutMs: 5_000,
    heartbeatSeconds: 10,
    reconnectDelayMs: 2_000,
    connectTimeoutMs: 5_000,
    closeTimeoutMs: 3_000,
    connectionName: `payments@${hostname()}`,
    ...options,
  };
  for (const name of [
    'publishTimeoutMs',
    'reconnectDelayMs',
    'connectTimeoutMs',
    'closeTimeoutMs',
  ] as const) {
    if (!Number.isFinite(resolved[name]) || resolved[name] <= 0) {
      throw new Error(`RabbitMqModule: ${name} must be a positive number`);
    }
  }
  if (!Number.isInteger(resolved.heartbeatSeconds) || resolved.heartbeatSeconds < 1) {
    throw new Error('RabbitMqModule: heartbeatSeconds must be a positive integer');
  }
  return resolved;
}

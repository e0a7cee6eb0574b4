export { maskAmqpUrl } from './amqp-url.js';
export * from './rabbitmq.options.js';
export * from './rabbitmq.module.js';
export * from './rabbitmq-event.broker.js';

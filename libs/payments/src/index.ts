export * from './errors/payments.error.js';
export * from './gateway/gateway.errors.js';
export * from './gateway/orders.gateway.js';

export * from './errors/payments.error.js';
export * from './gateway/gateway.errors.js';
export * from './gateway/orders.gateway.js';
export * from './config/config-validation.js';
export * from './entities/index.js';
export * from './lifecycle/payment-status.js';
export * from './lifecycle/transition-table.js';
export * from './errors/common.errors.js';

export * from './multisafepay.config.js';
export * from './multisafepay.module.js';
export * from './multisafepay-orders.gateway.js';
export * from './signature.js';
export { parseMspOrderJson } from './wire/order-parser.js';

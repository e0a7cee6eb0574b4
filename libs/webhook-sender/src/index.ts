export * from './http-webhook.sender.js';
export * from './webhook-sender.module.js';

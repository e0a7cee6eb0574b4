export * from './data-source.js';
export * from './database.config.js';
export * from './database.module.js';
export * from './embedded/embedded-postgres.js';
export { MIGRATIONS } from './migrations/index.js';

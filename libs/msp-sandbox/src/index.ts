export { MspSandboxModule } from './msp-sandbox.module.js';
export type { MspSandboxOptions } from './sandbox.options.js';
export { sandboxTimersFromEnv } from './sandbox.env.js';
export { MspEnvelopeFilter } from './msp-envelope.filter.js';

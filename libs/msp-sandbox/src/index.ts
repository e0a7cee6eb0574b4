export { MspSandboxModule } from './msp-sandbox.module.js';
export type { MspSandboxOptions } from './sandbox.options.js';
export { sandboxSitesFromEnv, sandboxTimersFromEnv, type SandboxSites } from './sandbox.env.js';
export { MspEnvelopeFilter } from './msp-envelope.filter.js';

export { MspSandboxModule } from './msp-sandbox.module.js';
export type { MspSandboxOptions } from './sandbox.options.js';
export { SandboxService } from './sandbox.service.js';
export { canonicalJson } from './wire-json.js';
export { sandboxTimersFromEnv } from './sandbox.env.js';
export { MspEnvelopeFilter } from './msp-envelope.filter.js';

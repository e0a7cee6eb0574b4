import type { DynamicModule } from '@nestjs/common';
import type { MultisafepayConfig } from '@app/multisafepay';
import { MspSandboxModule, sandboxTimersFromEnv } from '@app/msp-sandbox';
import { ConfigValidationError } from '@app/payments';
import { loadAppConfig } from '../config/app.config.js';
import { DemoModule } from '../demo/demo.module.js';

/** Checks the sandbox's own variables (start-up reports them with the others). */
export function loadSandboxTimers(env: NodeJS.ProcessEnv): void {
  const { problems } = sandboxTimersFromEnv(env);
  if (problems.length > 0) throw new ConfigValidationError(problems);
}

/**
 * The MultiSafepay sandbox, mounted under /sandbox when MSP_ENV=sandbox (docs/design.md#defaults): it accepts
 * the configured MSP_API_KEY (or the sandbox key) and signs notifications with it. The demo
 * checkout (/demo) comes with it.
 */
export function sandboxImports(msp: MultisafepayConfig): (DynamicModule | typeof DemoModule)[] {
  if (msp.env !== 'sandbox') return [];
  const app = loadAppConfig(process.env);
  return [
    MspSandboxModule.forRoot({
      apiKeys: [msp.apiKey],
      // One site, the service's one account (docs/sandbox.md#sites).
      siteNames: { [msp.apiKey]: 'default' },
      publicBaseUrl: `${app.publicBaseUrl}/sandbox`,
      routePrefix: 'sandbox',
      ...sandboxTimersFromEnv(process.env).timers,
    }),
    DemoModule,
  ];
}

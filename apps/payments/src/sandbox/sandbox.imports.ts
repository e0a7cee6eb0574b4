import type { DynamicModule } from '@nestjs/common';
import type { MultisafepayConfig } from '@app/multisafepay';
import { MspSandboxModule, sandboxTimersFromEnv } from '@app/msp-sandbox';
import { ConfigValidationError } from '@app/payments';
import { loadAccountsConfig } from '../config/accounts.config.js';
import { loadAppConfig } from '../config/app.config.js';
import { DemoModule } from '../demo/demo.module.js';

/** Checks the sandbox's own variables (start-up reports them with the others). */
export function loadSandboxTimers(env: NodeJS.ProcessEnv): void {
  const { problems } = sandboxTimersFromEnv(env);
  if (problems.length > 0) throw new ConfigValidationError(problems);
}

/**
 * The MultiSafepay sandbox, mounted under /sandbox when MSP_ENV=sandbox (docs/design.md#defaults): it accepts
 * exactly the accounts' keys (MSP_ACCOUNTS, MSP_API_KEY, or the sandbox key), each a site of its
 * own that signs its notifications. The demo checkout (/demo) comes with it.
 */
export function sandboxImports(msp: MultisafepayConfig): (DynamicModule | typeof DemoModule)[] {
  if (msp.env !== 'sandbox') return [];
  const app = loadAppConfig(process.env);
  const { accounts } = loadAccountsConfig(process.env);
  return [
    MspSandboxModule.forRoot({
      // One site per account, named by its id, each signing with its own key (docs/sandbox.md#sites).
      apiKeys: accounts.map((a) => a.apiKey),
      siteNames: Object.fromEntries(accounts.map((a) => [a.apiKey, a.id])),
      publicBaseUrl: `${app.publicBaseUrl}/sandbox`,
      routePrefix: 'sandbox',
      ...sandboxTimersFromEnv(process.env).timers,
    }),
    DemoModule,
  ];
}

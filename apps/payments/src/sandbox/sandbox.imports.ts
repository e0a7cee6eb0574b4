import type { DynamicModule } from '@nestjs/common';
import type { MultisafepayConfig } from '@app/multisafepay';

/** The MultiSafepay sandbox, mounted under /sandbox when MSP_ENV=sandbox (DESIGN §2). */
export function sandboxImports(msp: MultisafepayConfig): DynamicModule[] {
  if (msp.env !== 'sandbox') return [];
  return [];
}

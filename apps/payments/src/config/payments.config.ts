import { registerAs } from '@nestjs/config';
import { validateEnv } from '@app/payments';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

class PaymentsEnv {
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds (0 turns it off)' })
  @Min(0, { message: 'must be 0 or more' })
  RECONCILE_INTERVAL_MS = 60_000;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must be 0 or more' })
  RECONCILE_AFTER_MS = 300_000;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must be 0 or more' })
  ABANDON_AFTER_MS = 3_600_000;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(1, { message: 'must be at least 1 second' })
  @Max(86_400, { message: 'must be at most 86400 seconds' })
  WEBHOOK_TOLERANCE_S = 600;
}

export interface PaymentsConfig {
  reconcileIntervalMs: number;
  reconcileAfterMs: number;
  abandonAfterMs: number;
  /** Oldest accepted `Auth` timestamp on a POST notification, in seconds (SDK default 600). */
  webhookToleranceS: number;
}

export function loadPaymentsConfig(env: NodeJS.ProcessEnv): PaymentsConfig {
  const e = validateEnv(PaymentsEnv, env);
  return {
    reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
    reconcileAfterMs: e.RECONCILE_AFTER_MS,
    abandonAfterMs: e.ABANDON_AFTER_MS,
    webhookToleranceS: e.WEBHOOK_TOLERANCE_S,
  };
}

export const paymentsConfig = registerAs('payments', () => loadPaymentsConfig(process.env));

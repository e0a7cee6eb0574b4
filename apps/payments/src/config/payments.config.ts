import { registerAs } from '@nestjs/config';
import { parseCidrList, validateEnv } from '@app/payments';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

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

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of requests per second (0 turns it off)' })
  @Min(0, { message: 'must be 0 or more' })
  WEBHOOK_RATE_LIMIT_PER_SECOND = 50;

  @IsOptional()
  @IsString()
  WEBHOOK_ALLOWED_CIDRS?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must be 0 or more' })
  @Max(60_000, { message: 'must be at most 60000 ms' })
  WEBHOOK_REREAD_WINDOW_MS = 2_000;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of rows' })
  @Min(0, { message: 'must be 0 or more' })
  WEBHOOK_REFUSED_AUDIT_ROWS = 10;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of hours' })
  @Min(24, { message: 'must be at least 24 hours' })
  IDEMPOTENCY_KEY_TTL_HOURS = 24;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of days' })
  @Min(1, { message: 'must be at least 1 day' })
  NOTIFICATIONS_RETENTION_DAYS = 30;
}

export interface PaymentsConfig {
  reconcileIntervalMs: number;
  reconcileAfterMs: number;
  abandonAfterMs: number;
  /** Oldest accepted `Auth` timestamp on a POST notification, in seconds (SDK default 600). */
  webhookToleranceS: number;
  /** Unsigned GETs and refused POSTs per second per source address; 0: no limit. */
  webhookRateLimitPerSecond: number;
  /** Sources allowed on /webhooks/multisafepay (addresses and CIDRs); null: any. */
  webhookAllowedCidrs: string[] | null;
  /** Notification-triggered reads of one order are at least this far apart (coalesced). */
  webhookRereadWindowMs: number;
  /** Refused deliveries recorded one row each, per source, reason and minute; then counted. */
  webhookRefusedAuditRows: number;
  idempotencyKeyTtlHours: number;
  notificationsRetentionDays: number;
}

export function loadPaymentsConfig(env: NodeJS.ProcessEnv): PaymentsConfig {
  const e = validateEnv(PaymentsEnv, env, (c) =>
    c.WEBHOOK_ALLOWED_CIDRS === undefined
      ? []
      : parseCidrList(c.WEBHOOK_ALLOWED_CIDRS).problems.map((p) => `WEBHOOK_ALLOWED_CIDRS: ${p}`),
  );
  return {
    reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
    reconcileAfterMs: e.RECONCILE_AFTER_MS,
    abandonAfterMs: e.ABANDON_AFTER_MS,
    webhookToleranceS: e.WEBHOOK_TOLERANCE_S,
    webhookRateLimitPerSecond: e.WEBHOOK_RATE_LIMIT_PER_SECOND,
    webhookAllowedCidrs:
      e.WEBHOOK_ALLOWED_CIDRS === undefined ? null : parseCidrList(e.WEBHOOK_ALLOWED_CIDRS).entries,
    webhookRereadWindowMs: e.WEBHOOK_REREAD_WINDOW_MS,
    webhookRefusedAuditRows: e.WEBHOOK_REFUSED_AUDIT_ROWS,
    idempotencyKeyTtlHours: e.IDEMPOTENCY_KEY_TTL_HOURS,
    notificationsRetentionDays: e.NOTIFICATIONS_RETENTION_DAYS,
  };
}

export const paymentsConfig = registerAs('payments', () => loadPaymentsConfig(process.env));

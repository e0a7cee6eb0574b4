import { registerAs } from '@nestjs/config';
import { DEFAULT_RETRY_SCHEDULE, parseDurations, validateEnv } from '@app/payments';
import { Type } from 'class-transformer';
import { IsBooleanString, IsInt, IsString, Max, Min } from 'class-validator';

class EventsEnv {
  @IsBooleanString({ message: 'must be true or false' })
  EVENTS_RELAY_ENABLED = 'true';

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(50, { message: 'must be at least 50 ms' })
  @Max(60_000, { message: 'must be at most 60000 ms' })
  EVENTS_POLL_INTERVAL_MS = 1_000;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100, { message: 'must be at least 100 ms' })
  @Max(60_000, { message: 'must be at most 60000 ms' })
  WEBHOOK_TIMEOUT_MS = 10_000;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of requests' })
  @Min(1, { message: 'must be at least 1' })
  @Max(256, { message: 'must be at most 256' })
  WEBHOOK_ENDPOINT_CONCURRENCY = 8;

  @IsString()
  WEBHOOK_RETRY_SCHEDULE = DEFAULT_RETRY_SCHEDULE;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of hours' })
  @Min(1, { message: 'must be at least 1 hour' })
  WEBHOOK_DISABLE_AFTER_HOURS = 120;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of days' })
  @Min(1, { message: 'must be at least 1 day' })
  EVENTS_RETENTION_DAYS = 30;
}

export interface EventsConfig {
  relay: boolean;
  pollIntervalMs: number;
  webhookTimeoutMs: number;
  endpointConcurrency: number;
  retryScheduleMs: number[];
  disableAfterMs: number;
  retentionMs: number;
}

export function loadEventsConfig(env: NodeJS.ProcessEnv): EventsConfig {
  const e = validateEnv(EventsEnv, env, (c) =>
    parseDurations(c.WEBHOOK_RETRY_SCHEDULE) === null
      ? ['WEBHOOK_RETRY_SCHEDULE: must be comma-separated durations such as 5s,5m,30m,2h']
      : [],
  );
  return {
    relay: e.EVENTS_RELAY_ENABLED === 'true',
    pollIntervalMs: e.EVENTS_POLL_INTERVAL_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    endpointConcurrency: e.WEBHOOK_ENDPOINT_CONCURRENCY,
    retryScheduleMs: parseDurations(e.WEBHOOK_RETRY_SCHEDULE) ?? [],
    disableAfterMs: e.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
    retentionMs: e.EVENTS_RETENTION_DAYS * 86_400_000,
  };
}

export const eventsConfig = registerAs('events', () => loadEventsConfig(process.env));

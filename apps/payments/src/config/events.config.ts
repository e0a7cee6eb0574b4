import { registerAs } from '@nestjs/config';
import {
  DEFAULT_RETRY_SCHEDULE,
  entriesOutsidePrivateRanges,
  parseCidrList,
  parseDurations,
  validateEnv,
  type EndpointAddressRules,
} from '@app/payments';
import { Type } from 'class-transformer';
import { IsBooleanString, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

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

  @IsBooleanString({ message: 'must be true or false' })
  WEBHOOK_ENDPOINT_ALLOW_HTTP = 'false';

  @IsOptional()
  @IsString()
  WEBHOOK_ENDPOINT_ALLOWED_CIDRS?: string;

  @IsOptional()
  @IsString()
  WEBHOOK_ENDPOINT_DENIED_CIDRS?: string;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;
}

/** WEBHOOK_ENDPOINT_ALLOWED_CIDRS and _DENIED_CIDRS: each entry an address or block. */
function endpointCidrProblems(c: EventsEnv): string[] {
  const problems: string[] = [];
  if (c.WEBHOOK_ENDPOINT_ALLOWED_CIDRS !== undefined) {
    const allowed = parseCidrList(c.WEBHOOK_ENDPOINT_ALLOWED_CIDRS);
    problems.push(...allowed.problems.map((p) => `WEBHOOK_ENDPOINT_ALLOWED_CIDRS: ${p}`));
    if (allowed.problems.length === 0) {
      // Public addresses are allowed anyway: such an entry would allow nothing, silently.
      for (const entry of entriesOutsidePrivateRanges(allowed.entries)) {
        problems.push(
          `WEBHOOK_ENDPOINT_ALLOWED_CIDRS: '${entry}' is not inside a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7); it narrows which private addresses are allowed (refuse others with WEBHOOK_ENDPOINT_DENIED_CIDRS)`,
        );
      }
    }
  }
  if (c.WEBHOOK_ENDPOINT_DENIED_CIDRS !== undefined) {
    problems.push(
      ...parseCidrList(c.WEBHOOK_ENDPOINT_DENIED_CIDRS).problems.map(
        (p) => `WEBHOOK_ENDPOINT_DENIED_CIDRS: ${p}`,
      ),
    );
  }
  return problems;
}

export interface EventsConfig {
  relay: boolean;
  pollIntervalMs: number;
  webhookTimeoutMs: number;
  endpointConcurrency: number;
  retryScheduleMs: number[];
  disableAfterMs: number;
  retentionMs: number;
  /** Where webhook endpoints may point (docs/events.md, "Which URLs are refused"). */
  endpointAddresses: EndpointAddressRules;
}

export function loadEventsConfig(env: NodeJS.ProcessEnv): EventsConfig {
  const e = validateEnv(EventsEnv, env, (c) => [
    ...(parseDurations(c.WEBHOOK_RETRY_SCHEDULE) === null
      ? ['WEBHOOK_RETRY_SCHEDULE: must be comma-separated durations such as 5s,5m,30m,2h']
      : []),
    ...endpointCidrProblems(c),
  ]);
  return {
    relay: e.EVENTS_RELAY_ENABLED === 'true',
    pollIntervalMs: e.EVENTS_POLL_INTERVAL_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    endpointConcurrency: e.WEBHOOK_ENDPOINT_CONCURRENCY,
    retryScheduleMs: parseDurations(e.WEBHOOK_RETRY_SCHEDULE) ?? [],
    disableAfterMs: e.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
    retentionMs: e.EVENTS_RETENTION_DAYS * 86_400_000,
    endpointAddresses: {
      production: e.NODE_ENV === 'production',
      allowHttp: e.WEBHOOK_ENDPOINT_ALLOW_HTTP === 'true',
      allowedCidrs:
        e.WEBHOOK_ENDPOINT_ALLOWED_CIDRS === undefined
          ? null
          : parseCidrList(e.WEBHOOK_ENDPOINT_ALLOWED_CIDRS).entries,
      deniedCidrs:
        e.WEBHOOK_ENDPOINT_DENIED_CIDRS === undefined
          ? []
          : parseCidrList(e.WEBHOOK_ENDPOINT_DENIED_CIDRS).entries,
    },
  };
}

export const eventsConfig = registerAs('events', () => loadEventsConfig(process.env));

import type { Params } from 'nestjs-pino';
import pino from 'pino';
import { PinoPretty } from 'pino-pretty';
import { traceLogFields, tracingActive } from '@app/tracing';
import type { AppConfig } from '../config/app.config.js';

/**
 * The URL as logged: no query string, and no saved card's token where the (mounted sandbox's)
 * token endpoints carry it in the path (`/recurring/{customer}/remove/{token}`).
 */
export function loggedUrl(url: string): string {
  return (url.split('?')[0] ?? '').replace(
    /(\/recurring\/[^/]*\/(?:token|remove|update)\/)[^/]+/,
    '$1[Redacted]',
  );
}

/**
 * Paths pino replaces with `[Redacted]`. Card data and credentials are never logged on purpose,
 * so these are the safety net for the day someone logs a whole object.
 */
export const REDACT_PATHS = [
  'card',
  '*.card',
  '*.*.card',
  'gateway_info',
  '*.gateway_info',
  '*.*.gateway_info',
  'cvc',
  '*.cvc',
  'card_number',
  '*.card_number',
  'card_cvc',
  '*.card_cvc',
  // Saved cards' tokens (MultiSafepay's recurring_id) can charge a card (docs/design.md#saved-cards).
  'recurring_id',
  '*.recurring_id',
  '*.*.recurring_id',
  'recurringId',
  '*.recurringId',
  '*.*.recurringId',
  'token',
  '*.token',
  '*.*.token',
  'req.headers.authorization',
  'req.headers.auth',
  'req.headers.api_key',
  'req.headers.cookie',
  'apiKey',
  '*.apiKey',
];

/** Nest's start-up wiring: which modules loaded and which routes were mapped. */
const NEST_WIRING = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * Where the lines go and in what form: LOG_FILE gets JSON; a terminal gets pino-pretty's
 * coloured one-liners, for a person; anything else (a pipe, a container's log collector) gets
 * JSON, one object a line, for machines.
 */
export function logFormat(
  app: Pick<AppConfig, 'logFile'>,
  stdoutIsTty: boolean,
): 'file' | 'pretty' | 'json' {
  if (app.logFile) return 'file';
  return stdoutIsTty ? 'pretty' : 'json';
}

export function loggerParams(app: AppConfig, stdoutIsTty = process.stdout.isTTY === true): Params {
  const options: NonNullable<Exclude<Params['pinoHttp'], unknown[]>> = {
    level: app.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    // Fastify already chose the id (see bootstrap); reuse it so every line carries the same one.
    genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
    // Every request-scoped line carries the id as `req.id` (no second copy: pino-http would
    // build two more child loggers per request for it).
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        // Query strings are dropped: webhooks carry ids there, and nothing else needs logging.
        url: loggedUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // With tracing on, each line names its trace and span (`trace_id`, `span_id`); off, no cost.
    ...(tracingActive() ? { mixin: traceLogFields } : {}),
  };
  const format = logFormat(app, stdoutIsTty);
  if (format === 'pretty') {
    // On a terminal, Nest's ~80 lines listing modules and routes would bury the start-up line;
    // they stay in JSON and file logs.
    options.hooks = {
      logMethod(args, method, level) {
        const context = (args[0] as { context?: unknown } | undefined)?.context;
        if (level <= 30 && typeof context === 'string' && NEST_WIRING.has(context)) return;
        method.apply(this, args);
      },
    };
  }
  return {
    forRoutes: ['{*splat}'],
    // A file destination and the pretty stream write synchronously, so nothing is lost when the
    // process stops (pino-pretty runs in this thread, not as a worker transport).
    pinoHttp:
      format === 'file'
        ? [options, pino.destination({ dest: app.logFile ?? '', sync: true, mkdir: true })]
        : format === 'pretty'
          ? [
              options,
              PinoPretty({
                sync: true,
                colorize: true,
                singleLine: true,
                translateTime: 'SYS:HH:MM:ss.l',
                ignore: 'pid,hostname',
              }),
            ]
          : options,
  };
}

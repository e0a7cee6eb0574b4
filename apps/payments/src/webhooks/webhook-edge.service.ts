import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { cidrMatcher, NotificationsService, type ReceivedNotification } from '@app/payments';

import { paymentsConfig } from '../config/payments.config.js';
import { SourceRateLimiter } from './source-rate-limiter.js';
import { SourceNotAllowedError, WebhookRateLimitedError } from './webhook.errors.js';

/**
 * The public edge of /webhooks/multisafepay: the optional allowlist of source addresses and the
 * per-source rate limit (docs/webhooks.md). Turned-away deliveries are only counted.
 */
@Injectable()
export class WebhookEdgeService {
  private readonly allowed: ((address: string) => boolean) | null;
  private readonly limiter: SourceRateLimiter;

  constructor(
    private readonly notifications: NotificationsService,
    @Inject(paymentsConfig.KEY) config: ConfigType<typeof paymentsConfig>,
  ) {
    this.allowed = config.webhookAllowedCidrs ? cidrMatcher(config.webhookAllowedCidrs) : null;
    this.limiter = new SourceRateLimiter(config.webhookRateLimitPerSecond);
  }

  /** Refuses (403) a sender outside WEBHOOK_ALLOWED_CIDRS. `address` is the full address. */
  admit(address: string, received: ReceivedNotification): void {
    if (this.allowed === null || this.allowed(address)) return;
    this.notifications.refused(received, 'not_allowed');
    throw new SourceNotAllowedError();
  }

  /** Spends one of the sender's tokens; refuses (429) when none is left. */
  charge(received: ReceivedNotification): void {
    if (this.limiter.take(received.source ?? 'unknown')) return;
    this.notifications.refused(received, 'rate_limited');
    throw new WebhookRateLimitedError();
  }
}

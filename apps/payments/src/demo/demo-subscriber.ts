import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WebhookEndpointsService } from '@app/payments';
import { Webhook } from 'standardwebhooks';
import { appConfig } from '../config/app.config.js';

export interface PushedEvent {
  id: string;
  type: string;
  sequence: number | null;
  receivedAt: string;
}

/** Payments whose pushed events are kept (the oldest are forgotten first). */
const KEPT_PAYMENTS = 500;
const DESCRIPTION = 'Built-in demo subscriber (sandbox mode)';

/**
 * A subscriber like any other service's, built into the demo: at start-up it subscribes
 * `/demo/events` to every event through the webhook endpoints service, then verifies each
 * delivery with the `standardwebhooks` library, as a consumer would, and keeps what it received
 * per payment for the result page.
 */
@Injectable()
export class DemoSubscriber implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DemoSubscriber');
  private readonly received = new Map<string, PushedEvent[]>();
  private verifier: Webhook | undefined;
  private endpointId: string | undefined;

  constructor(
    private readonly endpoints: WebhookEndpointsService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  get url(): string {
    return `${this.app.publicBaseUrl}/demo/events`;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The secret of an earlier run's subscription is not kept: subscribe afresh.
    for (const old of await this.endpoints.list()) {
      if (old.url === this.url && old.description === DESCRIPTION)
        await this.endpoints.remove(old.id);
    }
    const created = await this.endpoints.create('demo', {
      url: this.url,
      eventTypes: ['*'],
      description: DESCRIPTION,
    });
    this.verifier = new Webhook(created.secret);
    this.endpointId = created.id;
  }

  /** No one listens at this URL once the service stops: unsubscribe. */
  async onApplicationShutdown(): Promise<void> {
    if (this.endpointId) await this.endpoints.remove(this.endpointId).catch(() => undefined);
  }

  /** Verifies and keeps one delivery; false when its signature does not verify. */
  receive(headers: Record<string, string | string[] | undefined>, raw: string): boolean {
    const flat = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    let event: { id: string; type: string; paymentId: string | null; sequence: number | null };
    try {
      if (!this.verifier) return false;
      event = this.verifier.verify(raw, flat) as typeof event;
    } catch (error) {
      this.logger.warn({ err: error }, 'demo subscriber: a delivery did not verify');
      return false;
    }
    if (!event.paymentId) return true;
    const list = this.received.get(event.paymentId) ?? [];
    if (!list.some((e) => e.id === event.id)) {
      list.push({
        id: event.id,
        type: event.type,
        sequence: event.sequence,
        receivedAt: new Date().toISOString(),
      });
    }
    this.received.delete(event.paymentId);
    this.received.set(event.paymentId, list);
    if (this.received.size > KEPT_PAYMENTS) {
      const oldest = this.received.keys().next().value;
      if (oldest !== undefined) this.received.delete(oldest);
    }
    return true;
  }

  /** What was pushed for a payment, in `sequence` order (deliveries may arrive out of order). */
  eventsOf(paymentId: string): PushedEvent[] {
    return [...(this.received.get(paymentId) ?? [])].sort(
      (a, b) => (a.sequence ?? 0) - (b.sequence ?? 0),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DeliveryAttemptEntity } from '../entities/delivery-attempt.entity.js';
import {
  EventDeliveryEntity,
  type DeliveryChannel,
  type DeliveryStatus,
} from '../entities/event-delivery.entity.js';
import {
  WebhookEndpointEntity,
  type WebhookEndpointStatus,
} from '../entities/webhook-endpoint.entity.js';
import { TransactionRunner } from '../lifecycle/transaction-runner.js';
import { In } from 'typeorm';
import { WebhookEndpointNotFoundError } from './events.errors.js';
import { Outbox } from './outbox.js';

/** How long a replaced secret keeps signing after a rotation (docs/design.md#events). */
export const PREVIOUS_SECRET_TTL_MS = 24 * 3_600_000;

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  status: WebhookEndpointStatus;
  disabledReason: string | null;
  failingSince: string | null;
  /** Until when the secret replaced by the last rotation still signs; null when none does. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookEndpointInput {
  url: string;
  eventTypes: string[];
  description?: string | null;
}

export interface WebhookEndpointPatch {
  url?: string;
  eventTypes?: string[];
  description?: string | null;
  status?: WebhookEndpointStatus;
}

export interface DeliveryAttemptView {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  attemptLog: DeliveryAttemptView[];
  createdAt: string;
}

/** An event's delivery to one destination (GET /v1/events/{id}/deliveries). */
export interface EventDeliveryView extends DeliveryView {
  channel: DeliveryChannel;
  /** The webhook endpoint and its URL; null for RabbitMQ. */
  endpointId: string | null;
  endpointUrl: string | null;
  /** The last attempt's HTTP status (webhooks) and error, as the attempt log's newest entry. */
  lastStatus: number | null;
  lastError: string | null;
}

/** A delivery and its attempts (`attempts` may hold other deliveries' too: they are filtered). */
export function toDeliveryView(
  d: EventDeliveryEntity,
  attempts: readonly DeliveryAttemptEntity[],
): DeliveryView {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.event?.type ?? '',
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    attemptLog: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        at: a.at.toISOString(),
        status: a.status,
        error: a.error,
        durationMs: a.durationMs,
      })),
    createdAt: d.createdAt.toISOString(),
  };
}

/** `whsec_` + base64 of 32 random bytes, the form Standard Webhooks libraries take. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function toWebhookEndpointView(e: WebhookEndpointEntity): WebhookEndpointView {
  const previousLive =
    e.previousSecret !== null &&
    e.previousSecretExpiresAt !== null &&
    e.previousSecretExpiresAt.getTime() > Date.now();
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    status: e.status,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: previousLive
      ? (e.previousSecretExpiresAt?.toISOString() ?? null)
      : null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** Subscribers' endpoints (docs/design.md#events): the secret is shown once, at creation and at rotation. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: Outbox,
  ) {}

  async create(
    clientId: string,
    input: WebhookEndpointInput,
  ): Promise<WebhookEndpointView & { secret: string }> {
    const secret = newSigningSecret();
    const saved = await this.tx.run((m) =>
      m.save(
        m.create(WebhookEndpointEntity, {
          url: input.url,
          description: input.description ?? null,
          eventTypes: unique(input.eventTypes),
          status: 'enabled',
          disabledReason: null,
          secret,
          previousSecret: null,
          previousSecretExpiresAt: null,
          failingSince: null,
          clientId,
        }),
      ),
    );
    return { ...toWebhookEndpointView(saved), secret };
  }

  async list(): Promise<WebhookEndpointView[]> {
    const rows = await this.tx.read((m) =>
      m.find(WebhookEndpointEntity, { order: { createdAt: 'ASC', id: 'ASC' } }),
    );
    return rows.map(toWebhookEndpointView);
  }

  async get(id: string): Promise<WebhookEndpointView> {
    return toWebhookEndpointView(await this.find(id));
  }

  async update(id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpointView> {
    const updated = await this.tx.run(async (m) => {
      const endpoint = await m.findOne(WebhookEndpointEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!endpoint) throw new WebhookEndpointNotFoundError(id);
      if (patch.url !== undefined) endpoint.url = patch.url;
      if (patch.eventTypes !== undefined) endpoint.eventTypes = unique(patch.eventTypes);
      if (patch.description !== undefined) endpoint.description = patch.description;
      if (patch.status !== undefined && patch.status !== endpoint.status) {
        endpoint.status = patch.status;
        // Enabled again by an operator: a fresh start, its waiting deliveries go out now.
        endpoint.disabledReason = patch.status === 'disabled' ? 'disabled through the API' : null;
        endpoint.failingSince = null;
        if (patch.status === 'enabled') {
          await m.update(
            EventDeliveryEntity,
            { endpointId: id, status: 'pending' },
            { nextAttemptAt: new Date() },
          );
        }
      }
      return m.save(endpoint);
    });
    if (updated.status === 'enabled') this.outbox.committed();
    return toWebhookEndpointView(updated);
  }

  async remove(id: string): Promise<void> {
    const result = await this.tx.run((m) => m.delete(WebhookEndpointEntity, { id }));
    if (!result.affected) throw new WebhookEndpointNotFoundError(id);
  }

  /** A new secret; the one it replaces keeps signing beside it for 24 h. */
  async rotateSecret(id: string): Promise<WebhookEndpointView & { secret: string }> {
    const secret = newSigningSecret();
    const updated = await this.tx.run(async (m) => {
      const endpoint = await m.findOne(WebhookEndpointEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!endpoint) throw new WebhookEndpointNotFoundError(id);
      endpoint.previousSecret = endpoint.secret;
      endpoint.previousSecretExpiresAt = new Date(Date.now() + PREVIOUS_SECRET_TTL_MS);
      endpoint.secret = secret;
      return m.save(endpoint);
    });
    return { ...toWebhookEndpointView(updated), secret };
  }

  /** The endpoint's deliveries, newest first, each with its attempts. */
  async deliveries(
    id: string,
    query: { status?: DeliveryStatus; limit: number },
  ): Promise<DeliveryView[]> {
    await this.find(id);
    return this.tx.read(async (m) => {
      const rows = await m
        .createQueryBuilder(EventDeliveryEntity, 'd')
        .innerJoinAndSelect('d.event', 'ev')
        .where('d.endpoint_id = :id', { id })
        .andWhere(query.status ? 'd.status = :status' : 'TRUE', { status: query.status })
        .orderBy('d.created_at', 'DESC')
        .addOrderBy('d.id', 'DESC')
        .limit(query.limit)
        .getMany();
      const attempts =
        rows.length === 0
          ? []
          : await m.find(DeliveryAttemptEntity, {
              where: { deliveryId: In(rows.map((r) => r.id)) },
              order: { at: 'ASC' },
            });
      return rows.map((d) => toDeliveryView(d, attempts));
    });
  }

  private async find(id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.tx.read((m) => m.findOneBy(WebhookEndpointEntity, { id }));
    if (!endpoint) throw new WebhookEndpointNotFoundError(id);
    return endpoint;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

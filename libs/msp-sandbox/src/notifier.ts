import { createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { ResolvedSandboxOptions } from './sandbox.options.js';
import type { Site } from './sites.js';

export type NotificationMode = 'normal' | 'drop' | 'duplicate' | 'reorder';

export interface Delivery {
  site: string;
  order_id: string;
  method: 'GET' | 'POST';
  url: string;
  attempt: number;
  status: string;
  response_status: number | null;
  response_body: string | null;
  acknowledged: boolean;
  at: string;
}

export interface PendingNotification {
  orderId: string;
  method: 'GET' | 'POST';
  url: string;
  /** The order's site: a POST is signed with its key. */
  site: Site;
  status: string;
  /** Builds the body at send time, so every attempt carries the order as it is then. */
  body: () => string;
}

const LOG_LIMIT = 2000;

/** `Auth` header of a POST notification: base64(ts + ":" + hex(HMAC-SHA512(key, ts + ":" + body))). */
export function signNotification(body: string, apiKey: string, timestampS: number): string {
  const mac = createHmac('sha512', apiKey.trim()).update(`${timestampS}:${body}`).digest('hex');
  return Buffer.from(`${timestampS}:${mac}`).toString('base64');
}

/**
 * Sends notifications like MultiSafepay (docs/multisafepay.md#notifications): `transactionid` and `timestamp` appended
 * to the URL, POST bodies signed in `Auth`, retried with a fresh timestamp until the merchant
 * answers HTTP 200 with `OK`. Tests can drop, duplicate or reorder deliveries.
 */
export class Notifier {
  private mode: NotificationMode = 'normal';
  private remaining: number | null = null;
  private held: PendingNotification[] = [];
  private readonly log: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  // Kept-alive connections, as a real gateway's sender would (and far cheaper than fetch).
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly options: ResolvedSandboxOptions) {}

  setMode(mode: NotificationMode, count: number | null): void {
    this.mode = mode;
    this.remaining = count;
  }

  getMode(): { mode: NotificationMode; remaining: number | null; held: number } {
    return { mode: this.mode, remaining: this.remaining, held: this.held.length };
  }

  deliveries(orderId?: string, site?: string): Delivery[] {
    return this.log.filter(
      (d) =>
        (orderId === undefined || d.order_id === orderId) &&
        (site === undefined || d.site === site),
    );
  }

  /** Sends the held notifications (reorder mode), newest first. */
  release(): number {
    const held = this.held.reverse();
    this.held = [];
    for (const n of held) this.attempt(n, 1);
    return held.length;
  }

  notify(n: PendingNotification): void {
    const mode = this.mode;
    if (this.remaining !== null) {
      this.remaining -= 1;
      if (this.remaining <= 0) {
        this.mode = 'normal';
        this.remaining = null;
      }
    }
    switch (mode) {
      case 'drop':
        this.record(n, 0, null, 'dropped by the sandbox', false);
        return;
      case 'reorder':
        this.held.push(n);
        return;
      case 'duplicate':
        this.attempt(n, 1);
        this.attempt(n, 1);
        return;
      case 'normal':
        this.attempt(n, 1);
        return;
    }
  }

  reset(): void {
    this.mode = 'normal';
    this.remaining = null;
    this.held = [];
    this.log.length = 0;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private attempt(n: PendingNotification, attempt: number): void {
    void this.send(n, attempt).then((ok) => {
      const delay = this.options.notificationRetryDelaysMs[attempt - 1];
      if (ok || delay === undefined) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.attempt(n, attempt + 1);
      }, delay);
      timer.unref();
      this.timers.add(timer);
    });
  }

  private async send(n: PendingNotification, attempt: number): Promise<boolean> {
    const timestamp = Math.floor(Date.now() / 1000);
    const url = `${n.url}${n.url.includes('?') ? '&' : '?'}transactionid=${encodeURIComponent(n.orderId)}&timestamp=${timestamp}`;
    const headers: Record<string, string> = { 'user-agent': 'MultiSafepay-Sandbox/1.0' };
    let body: string | undefined;
    if (n.method === 'POST') {
      body = n.body();
      headers.auth = signNotification(body, n.site.apiKey, timestamp);
      headers['content-type'] = 'application/json';
    }
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.options.notificationTimeoutMs);
    try {
      const res = await this.deliver(url, n.method, headers, body, controller.signal);
      const head = res.text.slice(0, 100);
      const ok =
        res.status === 200 &&
        (head.trimStart().startsWith('OK') || head.includes('MULTISAFEPAY_OK'));
      this.record(n, attempt, res.status, res.text, ok);
      return ok;
    } catch (error) {
      this.record(n, attempt, null, error instanceof Error ? error.message : String(error), false);
      return false;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  /** One HTTP exchange on a kept-alive connection; redirects are not followed; 1000 chars kept. */
  private deliver(
    url: string,
    method: 'GET' | 'POST',
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<{ status: number; text: string }> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(
        target,
        {
          method,
          headers:
            body === undefined
              ? headers
              : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          agent: secure ? this.httpsAgent : this.httpAgent,
          signal,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (text.length < 1000) text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: text.slice(0, 1000) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  private record(
    n: PendingNotification,
    attempt: number,
    status: number | null,
    body: string | null,
    ok: boolean,
  ): void {
    this.log.push({
      site: n.site.name,
      order_id: n.orderId,
      method: n.method,
      url: n.url,
      attempt,
      status: n.status,
      response_status: status,
      response_body: body,
      acknowledged: ok,
      at: new Date().toISOString(),
    });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }
}

import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  EndpointAddressPolicy,
  EndpointAddressRefusedError,
  WebhookSender,
  type WebhookAttemptResult,
  type WebhookDelivery,
} from '@app/payments';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { withTraceparent } from '@app/tracing';
import { Webhook } from 'standardwebhooks';

/** Bytes of an answer read at most (only the status matters; the rest is drained unread). */
const MAX_ANSWER_BYTES = 4096;

/**
 * Delivers events over HTTP per the Standard Webhooks spec: headers `webhook-id`,
 * `webhook-timestamp` and `webhook-signature` (one `v1,…` per secret, space-separated, as the
 * `standardwebhooks` package signs). Redirects are never followed (a 3xx is a failure), and an
 * answer that has not come within the timeout is one too: the relay retries both.
 *
 * Every connection goes only where the address policy allows: the URL is checked before anything
 * else, and the host name is resolved by the policy, which checks every address and hands the
 * socket exactly those (Node's `lookup` hook), so the address dialled is the address checked. A
 * refusal fails the attempt before any byte is sent, its reason in the attempt's error.
 */
@Injectable()
export class HttpWebhookSender extends WebhookSender implements OnApplicationShutdown {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 32 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 32 });
  private readonly signers = new Map<string, Webhook>();

  constructor(private readonly addresses: EndpointAddressPolicy) {
    super();
  }

  onApplicationShutdown(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Sent within the trace of the request that caused the event, when tracing is on. */
  send(delivery: WebhookDelivery): Promise<WebhookAttemptResult> {
    return withTraceparent(delivery.event.traceparent, () => this.post(delivery));
  }

  private post(delivery: WebhookDelivery): Promise<WebhookAttemptResult> {
    const started = performance.now();
    const result = (
      delivered: boolean,
      status: number | null,
      error: string | null,
    ): WebhookAttemptResult => ({
      delivered,
      status,
      error,
      durationMs: Math.round(performance.now() - started),
    });
    let url: URL;
    try {
      url = new URL(delivery.url);
    } catch {
      return Promise.resolve(result(false, null, 'invalid URL'));
    }
    const refused = this.addresses.refusedUrl(url);
    if (refused) return Promise.resolve(result(false, null, `address refused: ${refused}`));
    const https = url.protocol === 'https:';
    const body = Buffer.from(delivery.event.body, 'utf8');
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'user-agent': 'msp-direct-payments-webhooks/1',
      ...this.signatureHeaders(delivery, body),
    };
    if (delivery.event.traceparent) headers.traceparent = delivery.event.traceparent;
    return new Promise<WebhookAttemptResult>((resolve) => {
      let settled = false;
      const settle = (r: WebhookAttemptResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const req = (https ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        headers,
        agent: https ? this.httpsAgent : this.httpAgent,
        lookup: this.lookup,
      });
      const timer = setTimeout(() => {
        settle(result(false, null, `timeout after ${delivery.timeoutMs} ms`));
        req.destroy();
      }, delivery.timeoutMs);
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        const done = (): void => {
          if (status >= 200 && status < 300) settle(result(true, status, null));
          else if (status >= 300 && status < 400) {
            const location = res.headers.location;
            settle(
              result(
                false,
                status,
                `redirect${location ? ` to ${location.slice(0, 200)}` : ''} (not followed)`,
              ),
            );
          } else settle(result(false, status, `HTTP ${status}`));
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      });
      req.on('error', (error: NodeJS.ErrnoException) =>
        settle(
          result(
            false,
            null,
            error instanceof EndpointAddressRefusedError
              ? `address refused: ${error.reason}`
              : (error.code ?? error.message),
          ),
        ),
      );
      req.end(body);
    });
  }

  /** `net.connect`'s DNS lookup: the policy's checked addresses, and only those. */
  private readonly lookup = (
    hostname: string,
    options: LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    this.addresses.resolve(hostname).then(
      (resolved) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? resolved.filter((a) => a.family === options.family)
            : resolved;
        const first = wanted[0];
        if (options.all) callback(null, wanted);
        else if (first) callback(null, first.address, first.family);
        else
          callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '');
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };

  private signatureHeaders(delivery: WebhookDelivery, body: Buffer): Record<string, string> {
    const at = new Date();
    const signatures = delivery.secrets.map((secret) =>
      this.signerFor(secret).sign(delivery.event.id, at, body),
    );
    return {
      'webhook-id': delivery.event.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signatures.join(' '),
    };
  }

  private signerFor(secret: string): Webhook {
    let signer = this.signers.get(secret);
    if (!signer) {
      signer = new Webhook(secret);
      // A rotated-out secret never signs again: keep the cache from growing with rotations.
      if (this.signers.size > 1000) this.signers.clear();
      this.signers.set(secret, signer);
    }
    return signer;
  }
}

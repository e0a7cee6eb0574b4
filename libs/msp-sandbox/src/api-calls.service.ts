import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FaultsService } from './faults.js';
import { invalidApiKey, MspError } from './msp-error.js';
import { MSP_SANDBOX_OPTIONS, type ResolvedSandboxOptions } from './sandbox.options.js';
import type { Site } from './sites.js';
import { canonicalJson } from './wire-json.js';

const HANG_LIMIT_MS = 120_000;

/**
 * Runs one call of the JSON API as MultiSafepay would answer it: the API key checked, the work
 * done, `{success: true, data}` sent; with the control surface's injected faults and latency,
 * and every call written to the request log (card data masked).
 */
@Injectable()
export class ApiCalls {
  constructor(
    @Inject(MSP_SANDBOX_OPTIONS) private readonly options: ResolvedSandboxOptions,
    private readonly faults: FaultsService,
  ) {}

  async run(
    req: FastifyRequest,
    reply: FastifyReply,
    body: unknown,
    work: (site: Site) => unknown,
  ): Promise<void> {
    const path = req.url.split('?')[0] ?? req.url;
    const site = this.siteOf(req);
    const fault = this.faults.take(req.method, site?.name ?? null);
    const { latencyMs, latencyStage } = this.faults;
    const afterRead = latencyMs > 0 && latencyStage === 'after_read';
    if (latencyMs > 0 && !afterRead) await sleep(latencyMs);
    let status: number = 200;
    let logged = false;
    // Logged once the outcome is known, so a test can see the read happened before the answer.
    const log = (): void => {
      if (logged) return;
      logged = true;
      this.faults.record({
        site: site?.name ?? null,
        method: req.method,
        path,
        body,
        status: fault?.mode.startsWith('hang') ? null : status,
        fault: fault?.mode ?? null,
      });
    };
    try {
      if (fault?.mode === 'error')
        throw new MspError(fault.status, 9999, 'Unknown error (injected by the sandbox)');
      if (fault?.mode === 'hang') return await this.hang(req, reply);
      // Written now: what changes during an after_read delay is not in this answer.
      if (!site) throw invalidApiKey();
      const answer = canonicalJson({ success: true, data: work(site) });
      if (afterRead) {
        log();
        await sleep(latencyMs);
      }
      if (fault?.mode === 'hang_after') return await this.hang(req, reply);
      void reply.status(200).header('content-type', 'application/json').send(answer);
    } catch (error) {
      status = error instanceof MspError ? error.httpStatus : 500;
      if (afterRead) {
        log();
        await sleep(latencyMs);
      }
      throw error;
    } finally {
      log();
    }
  }

  /** Answers nothing: the connection is dropped when the client gives up, or after 120 s. */
  private async hang(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, HANG_LIMIT_MS);
      timer.unref();
      req.raw.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    reply.raw.destroy();
  }

  /**
   * The site whose key the call carries: `api_key` header (documented), `?api_key=` or
   * `Authorization: Bearer` (docs/multisafepay.md#environments-and-authentication); null for a
   * missing or unknown key.
   */
  private siteOf(req: FastifyRequest): Site | null {
    const header = req.headers.api_key;
    const query = (req.query as Record<string, unknown> | undefined)?.api_key;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const key = typeof header === 'string' ? header : typeof query === 'string' ? query : bearer;
    return (key && this.options.sites.find((s) => s.apiKey === key)) || null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

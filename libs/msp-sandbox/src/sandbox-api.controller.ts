import { Body, Controller, Get, Param, Patch, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FaultsService } from './faults.js';
import { invalidApiKey, MspError } from './msp-error.js';
import { MspEnvelopeFilter } from './msp-envelope.filter.js';
import { SandboxService } from './sandbox.service.js';
import { canonicalJson } from './wire-json.js';

const HANG_LIMIT_MS = 120_000;

/** MultiSafepay's JSON API for direct card orders (msp-api.md §2–§7), under `v1/json`. */
@ApiExcludeController()
@UseFilters(MspEnvelopeFilter)
@Controller('v1/json/orders')
export class SandboxApiController {
  constructor(
    private readonly sandbox: SandboxService,
    private readonly faults: FaultsService,
  ) {}

  @Post()
  create(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    return this.handle(req, reply, body, (key) => this.sandbox.createOrder(key, body));
  }

  @Get(':orderId')
  get(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId') orderId: string,
  ): Promise<void> {
    return this.handle(req, reply, undefined, (key) => this.sandbox.getOrder(key, orderId));
  }

  @Patch(':orderId')
  cancel(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId') orderId: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.handle(req, reply, body, (key) => {
      this.sandbox.cancelOrder(key, orderId, body);
      return {};
    });
  }

  @Post(':orderId/refunds')
  refund(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId') orderId: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.handle(req, reply, body, (key) => this.sandbox.refund(key, orderId, body));
  }

  private async handle(
    req: FastifyRequest,
    reply: FastifyReply,
    body: unknown,
    work: (apiKey: string) => unknown,
  ): Promise<void> {
    const path = req.url.split('?')[0] ?? req.url;
    const fault = this.faults.take();
    const { latencyMs, latencyStage } = this.faults;
    if (latencyMs > 0 && latencyStage === 'before') await sleep(latencyMs);
    let status: number = 200;
    try {
      if (fault?.mode === 'error')
        throw new MspError(fault.status, 9999, 'Unknown error (injected by the sandbox)');
      if (fault?.mode === 'hang') return await this.hang(req, reply);
      const data = work(this.apiKey(req));
      // The order as it was read: changes made during the delay are not in this answer.
      if (latencyMs > 0 && latencyStage === 'after_read') await sleep(latencyMs);
      if (fault?.mode === 'hang_after') return await this.hang(req, reply);
      void reply
        .status(200)
        .header('content-type', 'application/json')
        .send(canonicalJson({ success: true, data }));
    } catch (error) {
      status = error instanceof MspError ? error.httpStatus : 500;
      throw error;
    } finally {
      this.faults.record({
        method: req.method,
        path,
        body,
        status: fault?.mode.startsWith('hang') ? null : status,
        fault: fault?.mode ?? null,
      });
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

  /** `api_key` header (documented), `?api_key=` or `Authorization: Bearer` (msp-api.md §1.2). */
  private apiKey(req: FastifyRequest): string {
    const header = req.headers.api_key;
    const query = (req.query as Record<string, unknown> | undefined)?.api_key;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const key = typeof header === 'string' ? header : typeof query === 'string' ? query : bearer;
    if (!key || !this.sandbox.options.apiKeys.includes(key)) throw invalidApiKey();
    return key;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

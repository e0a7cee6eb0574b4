import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FaultsService, type LatencyStage } from './faults.js';
import { MspError } from './msp-error.js';
import { MspEnvelopeFilter } from './msp-envelope.filter.js';
import { Notifier } from './notifier.js';
import { ORDER_STATUSES, type OrderStatus } from './order.js';
import { SandboxControlService } from './sandbox-control.service.js';

/** The methods of MultiSafepay's API a fault can be limited to. */
const HTTP_METHODS = new Set(['GET', 'POST', 'PATCH', 'DELETE']);

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

function bad(message: string): MspError {
  return new MspError(400, 1016, message);
}

function count(body: unknown, fallback: number | null): number | null {
  const value = field(body, 'count');
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000) {
    throw bad('count must be an integer from 1 to 10000');
  }
  return value;
}

/** The sandbox's control surface for tests and demos (docs/sandbox.md). Not part of MultiSafepay. */
@ApiExcludeController()
@UseFilters(MspEnvelopeFilter)
@Controller('sandbox-admin')
export class SandboxAdminController {
  constructor(
    private readonly sandbox: SandboxControlService,
    private readonly notifier: Notifier,
    private readonly faults: FaultsService,
  ) {}

  @Get('sites')
  sites(): Record<string, unknown>[] {
    return this.sandbox.listSites();
  }

  @Get('orders')
  orders(
    @Query('order_id') orderId?: string,
    @Query('site') site?: string,
  ): Record<string, unknown>[] {
    return this.sandbox.listOrders(orderId, this.sandbox.siteName(site));
  }

  @Post('orders/:orderId/status')
  @HttpCode(200)
  force(
    @Param('orderId') orderId: string,
    @Body() body: unknown,
    @Query('site') site?: string,
  ): { order_id: string; status: string } {
    const raw = field(body, 'status');
    const status = raw === 'chargeback' ? 'chargedback' : raw;
    if (typeof status !== 'string' || !(ORDER_STATUSES as readonly string[]).includes(status)) {
      throw bad(`status must be one of ${ORDER_STATUSES.join(', ')}`);
    }
    this.sandbox.forceStatus(orderId, status as OrderStatus, this.sandbox.siteName(site));
    return { order_id: orderId, status };
  }

  @Post('orders/:orderId/timers/fire')
  @HttpCode(200)
  fire(@Param('orderId') orderId: string, @Query('site') site?: string): { fired: string[] } {
    return { fired: this.sandbox.fireTimers(orderId, this.sandbox.siteName(site)) };
  }

  @Post('refunds/settle')
  @HttpCode(200)
  settle(): { settled: number } {
    return { settled: this.sandbox.settleRefunds() };
  }

  @Get('notifications')
  notifications(@Query('order_id') orderId?: string, @Query('site') site?: string): unknown[] {
    return this.notifier.deliveries(orderId, this.sandbox.siteName(site));
  }

  @Get('notifications/mode')
  notificationMode(): unknown {
    return this.notifier.getMode();
  }

  @Post('notifications/mode')
  @HttpCode(200)
  setNotificationMode(@Body() body: unknown): unknown {
    const mode = field(body, 'mode');
    if (mode !== 'normal' && mode !== 'drop' && mode !== 'duplicate' && mode !== 'reorder') {
      throw bad('mode must be normal, drop, duplicate or reorder');
    }
    this.notifier.setMode(mode, count(body, null));
    return this.notifier.getMode();
  }

  @Post('notifications/release')
  @HttpCode(200)
  release(): { released: number } {
    return { released: this.notifier.release() };
  }

  @Get('faults')
  currentFault(): unknown {
    return {
      fault: this.faults.current(),
      latency_ms: this.faults.latencyMs,
      latency_stage: this.faults.latencyStage,
    };
  }

  @Post('faults')
  @HttpCode(200)
  setFault(@Body() body: unknown): unknown {
    const mode = field(body, 'mode');
    if (mode !== 'error' && mode !== 'hang' && mode !== 'hang_after')
      throw bad('mode must be error, hang or hang_after');
    const status = field(body, 'status') ?? 503;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 500 || status > 599) {
      throw bad('status must be a 5xx code');
    }
    const method = field(body, 'method') ?? null;
    if (method !== null && (typeof method !== 'string' || !HTTP_METHODS.has(method))) {
      throw bad('method must be GET, POST, PATCH or DELETE');
    }
    const site = field(body, 'site') ?? null;
    if (site !== null && typeof site !== 'string') throw bad('site must be a site name');
    this.faults.setFault(
      mode,
      count(body, 1) ?? 1,
      status,
      method,
      site === null ? null : (this.sandbox.siteName(site) ?? null),
    );
    return { fault: this.faults.current() };
  }

  @Delete('faults')
  clearFaults(): { fault: null; latency_ms: 0 } {
    this.faults.clear();
    return { fault: null, latency_ms: 0 };
  }

  @Post('latency')
  @HttpCode(200)
  latency(@Body() body: unknown): { latency_ms: number; stage: LatencyStage } {
    const ms = field(body, 'ms');
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 60_000) {
      throw bad('ms must be an integer from 0 to 60000');
    }
    const stage = field(body, 'stage') ?? 'before';
    if (stage !== 'before' && stage !== 'after_read') {
      throw bad('stage must be before or after_read');
    }
    this.faults.latencyMs = ms;
    this.faults.latencyStage = stage;
    return { latency_ms: ms, stage };
  }

  @Get('requests')
  requests(): unknown[] {
    return this.faults.requests();
  }

  @Post('reset')
  @HttpCode(200)
  reset(): { reset: true } {
    this.sandbox.reset();
    this.faults.reset();
    return { reset: true };
  }
}

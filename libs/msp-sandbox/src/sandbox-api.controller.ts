import { Body, Controller, Get, Param, Patch, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCalls } from './api-calls.service.js';
import { CapturesService } from './captures.service.js';
import { MspEnvelopeFilter } from './msp-envelope.filter.js';
import { OrdersService } from './orders.service.js';
import { RefundsService } from './refunds.service.js';

/** MultiSafepay's JSON API for direct card orders (docs/multisafepay.md), under `v1/json`. */
@ApiExcludeController()
@UseFilters(MspEnvelopeFilter)
@Controller('v1/json/orders')
export class SandboxApiController {
  constructor(
    private readonly calls: ApiCalls,
    private readonly orders: OrdersService,
    private readonly refunds: RefundsService,
    private readonly captures: CapturesService,
  ) {}

  @Post()
  create(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    return this.calls.run(req, reply, body, (site) => this.orders.create(site, body));
  }

  @Get(':orderId')
  get(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId') orderId: string,
  ): Promise<void> {
    return this.calls.run(req, reply, undefined, (site) => this.orders.get(site, orderId));
  }

  @Patch(':orderId')
  cancel(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId') orderId: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.calls.run(req, reply, body, (site) => {
      this.orders.cancel(site, orderId, body);
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
    return this.calls.run(req, reply, body, (site) => this.refunds.refund(site, orderId, body));
  }

  @Post(':orderId/capture')
  capture(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId') orderId: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.calls.run(req, reply, body, (site) => this.captures.capture(site, orderId, body));
  }
}

import { Body, Controller, Param, Patch, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCalls } from './api-calls.service.js';
import { CapturesService } from './captures.service.js';
import { MspEnvelopeFilter } from './msp-envelope.filter.js';

/** `PATCH /capture/{order_id}`: release a manual-capture authorization (docs/multisafepay.md#releasing). */
@ApiExcludeController()
@UseFilters(MspEnvelopeFilter)
@Controller('v1/json/capture')
export class CaptureApiController {
  constructor(
    private readonly calls: ApiCalls,
    private readonly captures: CapturesService,
  ) {}

  @Patch(':orderId')
  release(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId') orderId: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.calls.run(req, reply, body, (site) => this.captures.release(site, orderId, body));
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCalls } from './api-calls.service.js';
import { MspEnvelopeFilter } from './msp-envelope.filter.js';
import { TokensService } from './tokens.service.js';

/** The token endpoints under `/recurring/{customer_reference}` (docs/multisafepay.md#token-endpoints). */
@ApiExcludeController()
@UseFilters(MspEnvelopeFilter)
@Controller('v1/json/recurring')
export class RecurringApiController {
  constructor(
    private readonly calls: ApiCalls,
    private readonly tokens: TokensService,
  ) {}

  @Get(':reference')
  list(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Query('limit') limit: unknown,
    @Query('offset') offset: unknown,
  ): Promise<void> {
    return this.calls.run(req, reply, undefined, (site) =>
      this.tokens.list(site, reference, limit, offset),
    );
  }

  @Get(':reference/token/:token')
  get(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('token') token: string,
  ): Promise<void> {
    return this.calls.run(req, reply, undefined, (site) => this.tokens.get(site, reference, token));
  }

  @Patch(':reference/update/:token')
  update(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('token') token: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.calls.run(req, reply, body, (site) =>
      this.tokens.update(site, reference, token, body),
    );
  }

  @Delete(':reference/remove/:token')
  remove(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('token') token: string,
  ): Promise<void> {
    return this.calls.run(req, reply, undefined, (site) =>
      this.tokens.remove(site, reference, token),
    );
  }
}

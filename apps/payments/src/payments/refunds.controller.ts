import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RefundsService } from '@app/payments';
import type { FastifyReply } from 'fastify';
import { CurrentClient, RequireScope } from '../auth/api-key.guard.js';
import { ApiErrors, JSON_BODY_ERRORS } from '../common/api-errors.js';
import { JsonBodyGuard } from '../common/json-body.guard.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import type { ApiClient } from '../config/auth.config.js';
import { CreateRefundDto, RefundListResponseDto, RefundResponseDto } from './dto/refund.dto.js';
import { IdempotencyKey } from './idempotency-key.decorator.js';

@ApiTags('payments')
@Controller('v1/payments/:id/refunds')
export class RefundsController {
  constructor(private readonly refunds: RefundsService) {}

  @Post()
  @HttpCode(201)
  @RequireScope('refunds:write')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    operationId: 'refundPayment',
    summary: 'Refund all or part of a payment',
    description:
      "Through MultiSafepay's refund endpoint. Without `amount`, everything that remains. The payment " +
      'becomes `partial_refunded` or `refunded` as MultiSafepay reports it. Replays with the same ' +
      'Idempotency-Key return the same refund.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'Unique per refund; it stays with the refund it created and does not expire.',
  })
  @ApiCreatedResponse({ type: RefundResponseDto })
  @ApiErrors(
    'VALIDATION_FAILED: details name each field',
    'IDEMPOTENCY_KEY_MISSING',
    ...JSON_BODY_ERRORS,
    'PAYMENT_NOT_FOUND',
    'NOT_REFUNDABLE: not completed',
    'IDEMPOTENCY_KEY_IN_USE: retry with the same key shortly',
    'REFUND_EXCEEDS_REMAINING: details say what is left',
    'IDEMPOTENCY_KEY_REUSED: the key came with another body',
    'GATEWAY_REJECTED: e.g. 1034',
    'GATEWAY_UNAVAILABLE',
    'GATEWAY_TIMEOUT: outcome unknown; retry with the same key',
  )
  async refund(
    @CurrentClient() client: ApiClient,
    @IdempotencyKey() idempotencyKey: string,
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreateRefundDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefundResponseDto> {
    const result = await this.refunds.refund(client.name, idempotencyKey, id, dto);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.refund;
  }

  @Get()
  @RequireScope('payments:read')
  @ApiOperation({ operationId: 'listRefunds', summary: "The payment's refunds, oldest first" })
  @ApiOkResponse({ type: RefundListResponseDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'PAYMENT_NOT_FOUND')
  async list(@Param('id', uuidPipe) id: string): Promise<RefundListResponseDto> {
    return { data: await this.refunds.list(id) };
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CapturesService } from '@app/payments';
import type { FastifyReply } from 'fastify';
import { CurrentClient, RequireScope } from '../auth/api-key.guard.js';
import { ApiErrors, JSON_BODY_ERRORS } from '../common/api-errors.js';
import { JsonBodyGuard } from '../common/json-body.guard.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import type { ApiClient } from '../config/auth.config.js';
import { CaptureListResponseDto, CaptureResponseDto, CreateCaptureDto } from './dto/capture.dto.js';
import { IdempotencyKey } from './idempotency-key.decorator.js';

@ApiTags('payments')
@Controller('v1/payments/:id/captures')
export class CapturesController {
  constructor(private readonly captures: CapturesService) {}

  @Post()
  @HttpCode(201)
  @RequireScope('payments:write')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    operationId: 'capturePayment',
    summary: 'Capture all or part of an authorized payment',
    description:
      'For payments created with `captureMode: manual` and now `authorized`. Without `amount`, ' +
      'everything still capturable. A full capture makes the payment `completed`; after a partial ' +
      'one it stays `authorized` with less capturable (capture again, or release the rest with ' +
      'POST /v1/payments/{id}/cancel). Concurrent captures never take more than was authorized. ' +
      'Replays with the same Idempotency-Key return the same capture; after GATEWAY_TIMEOUT a ' +
      'retry with the same key settles it without capturing twice.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: CaptureResponseDto })
  @ApiErrors(
    'VALIDATION_FAILED: details name each field',
    'IDEMPOTENCY_KEY_MISSING',
    ...JSON_BODY_ERRORS,
    'PAYMENT_NOT_FOUND',
    'ILLEGAL_TRANSITION: not an authorized manual-capture payment',
    'AUTHORIZATION_EXPIRED',
    'IDEMPOTENCY_KEY_IN_USE: retry with the same key shortly',
    'CAPTURE_EXCEEDS_AUTHORIZED: details say what is left',
    'IDEMPOTENCY_KEY_REUSED: the key came with another body',
    'GATEWAY_REJECTED',
    'GATEWAY_UNAVAILABLE',
    'GATEWAY_TIMEOUT: outcome unknown; retry with the same key',
  )
  async capture(
    @CurrentClient() client: ApiClient,
    @IdempotencyKey() idempotencyKey: string,
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreateCaptureDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaptureResponseDto> {
    const result = await this.captures.capture(client.name, idempotencyKey, id, dto);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.capture;
  }

  @Get()
  @RequireScope('payments:read')
  @ApiOperation({ operationId: 'listCaptures', summary: "The payment's captures, oldest first" })
  @ApiOkResponse({ type: CaptureListResponseDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'PAYMENT_NOT_FOUND')
  async list(@Param('id', uuidPipe) id: string): Promise<CaptureListResponseDto> {
    return { data: await this.captures.list(id) };
  }
}

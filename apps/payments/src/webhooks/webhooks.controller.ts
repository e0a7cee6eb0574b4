import {
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  ValidationPipe,
  type RawBodyRequest,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { multisafepayConfig, parseMspOrderJson, verifyMspSignature } from '@app/multisafepay';
import { NotificationsService, ValidationFailedError } from '@app/payments';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { paymentsConfig } from '../config/payments.config.js';
import { sourceKey } from './source-address.js';
import { InvalidSignatureError } from './webhook.errors.js';
import { WebhookEdgeService } from './webhook-edge.service.js';
import { WebhookQueryDto } from './webhook-query.dto.js';

// MultiSafepay keeps any query of the notification_url and may add its own parameters, so
// unknown ones are dropped rather than refused (a 400 would make it retry forever).
const queryPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: false,
  transform: true,
  expectedType: WebhookQueryDto,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) =>
    new ValidationFailedError(
      errors.map((e) => ({ field: e.property, messages: Object.values(e.constraints ?? {}) })),
    ),
});

const OK = 'OK';

/**
 * MultiSafepay's notifications (docs/design.md#multisafepay-notifications). Public: POST is authenticated by its HMAC `Auth`
 * header, GET carries no status at all and only triggers a read of the order. `OK` is answered
 * only once the change is committed; anything else makes MultiSafepay retry.
 * The edge (docs/webhooks.md): an optional allowlist of senders, and a rate limit per sender
 * that unsigned GETs and refused POSTs spend, never a genuine signed POST.
 */
@ApiTags('webhooks')
@ApiForbiddenResponse({
  description: 'SOURCE_NOT_ALLOWED: the sender is outside WEBHOOK_ALLOWED_CIDRS',
  type: ErrorResponseDto,
})
@ApiTooManyRequestsResponse({
  description: 'RATE_LIMITED: too many from this sender (MultiSafepay retries later)',
  type: ErrorResponseDto,
})
@Controller('webhooks/multisafepay')
export class WebhooksController {
  constructor(
    private readonly edge: WebhookEdgeService,
    private readonly notifications: NotificationsService,
    @Inject(multisafepayConfig.KEY) private readonly msp: ConfigType<typeof multisafepayConfig>,
    @Inject(paymentsConfig.KEY) private readonly config: ConfigType<typeof paymentsConfig>,
  ) {}

  @Get()
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({
    summary: 'GET notification: re-reads the order from MultiSafepay and applies it',
  })
  @ApiOkResponse({ description: 'OK (committed)', schema: { type: 'string', example: OK } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
  async get(@Query(queryPipe) query: object, @Req() request: FastifyRequest): Promise<string> {
    const q = query as WebhookQueryDto;
    const received = {
      method: 'GET' as const,
      orderId: q.transactionid,
      signatureOk: null,
      payloadDigest: null,
      source: sourceKey(request.ip),
    };
    this.edge.admit(request.ip, received);
    this.edge.charge(received);
    if (q.payload_type === 'pretransaction') return OK;
    await this.notifications.handleGet(received);
    return OK;
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'POST notification: the order as JSON, signed in the Auth header' })
  @ApiHeader({ name: 'Auth', required: true, description: 'base64(timestamp:hex(HMAC-SHA512))' })
  @ApiOkResponse({ description: 'OK (committed)', schema: { type: 'string', example: OK } })
  @ApiUnauthorizedResponse({
    description: 'INVALID_SIGNATURE: nothing applied',
    type: ErrorResponseDto,
  })
  @ApiBadRequestResponse({
    description: 'INVALID_NOTIFICATION · VALIDATION_FAILED',
    type: ErrorResponseDto,
  })
  async post(
    @Query(queryPipe) query: object,
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('auth') auth: string | undefined,
  ): Promise<string> {
    const q = query as WebhookQueryDto;
    const raw =
      request.rawBody ?? Buffer.from(typeof request.body === 'string' ? request.body : '', 'utf8');
    const received = {
      method: 'POST' as const,
      orderId: q.transactionid,
      signatureOk: false,
      payloadDigest: createHash('sha256').update(raw).digest('hex'),
      source: sourceKey(request.ip),
    };
    this.edge.admit(request.ip, received);
    const verdict = verifyMspSignature(raw, auth, this.msp.apiKey, {
      toleranceS: this.config.webhookToleranceS,
      maxFutureSkewS: 300,
    });
    if (!verdict.ok) {
      this.edge.charge(received);
      await this.notifications.recordAlone(received, null, 'bad_signature', verdict.reason);
      throw new InvalidSignatureError(verdict.reason);
    }
    received.signatureOk = true;
    if (q.payload_type === 'pretransaction') return OK;
    await this.notifications.handlePost(received, () => parseMspOrderJson(raw.toString('utf8')));
    return OK;
  }
}

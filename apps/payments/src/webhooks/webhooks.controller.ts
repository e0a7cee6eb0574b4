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
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { multisafepayConfig, parseMspOrderJson, verifyMspSignature } from '@app/multisafepay';
import { NotificationsService, ValidationFailedError } from '@app/payments';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { ApiErrors } from '../common/api-errors.js';
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
const OK_ANSWER = {
  description: 'Committed (anything else makes MultiSafepay retry)',
  content: { 'text/plain': { schema: { type: 'string', enum: [OK] } } },
};

/**
 * MultiSafepay's notifications (docs/design.md#multisafepay-notifications). Public: POST is authenticated by its HMAC `Auth`
 * header, GET carries no status at all and only triggers a read of the order. `OK` is answered
 * only once the change is committed; anything else makes MultiSafepay retry.
 * The edge (docs/webhooks.md): an optional allowlist of senders, and a rate limit per sender
 * that unsigned GETs and refused POSTs spend, never a genuine signed POST.
 */
const SOURCE_NOT_ALLOWED = 'SOURCE_NOT_ALLOWED: the sender is outside WEBHOOK_ALLOWED_CIDRS';
const RATE_LIMITED = 'RATE_LIMITED: too many from this sender (MultiSafepay retries later)';

@ApiTags('webhooks')
// The query is validated by queryPipe alone (unknown parameters are dropped, not refused), so
// the handlers take it untyped and it is declared here.
@ApiQuery({ type: WebhookQueryDto })
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
    operationId: 'receiveMultisafepayNotificationGet',
    summary: 'GET notification: re-reads the order from MultiSafepay and applies it',
    description: 'Called by MultiSafepay, not by you: public, no API key.',
    security: [],
  })
  @ApiOkResponse({ ...OK_ANSWER })
  @ApiErrors(
    'VALIDATION_FAILED',
    SOURCE_NOT_ALLOWED,
    RATE_LIMITED,
    'GATEWAY_REJECTED',
    'GATEWAY_ORDER_NOT_FOUND',
    'GATEWAY_UNAVAILABLE',
    'GATEWAY_TIMEOUT',
  )
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
  @ApiOperation({
    operationId: 'receiveMultisafepayNotification',
    summary: 'POST notification: the order as JSON, signed in the Auth header',
    description:
      'Called by MultiSafepay, not by you: public, no API key; the `Auth` signature ' +
      '(HMAC-SHA512 with the website API key) authenticates it.',
    security: [],
  })
  @ApiHeader({ name: 'Auth', required: true, description: 'base64(timestamp:hex(HMAC-SHA512))' })
  @ApiBody({
    description: "MultiSafepay's order as its API returns it; signed byte for byte in `Auth`",
    schema: { type: 'object', example: { order_id: 'shop-1234', status: 'completed' } },
  })
  @ApiOkResponse({ ...OK_ANSWER })
  @ApiErrors(
    'INVALID_NOTIFICATION',
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES',
    'INVALID_SIGNATURE: nothing applied',
    SOURCE_NOT_ALLOWED,
    RATE_LIMITED,
    'GATEWAY_REJECTED',
    'GATEWAY_ORDER_NOT_FOUND',
    'GATEWAY_UNAVAILABLE',
    'GATEWAY_TIMEOUT',
  )
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

import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CancellationService,
  CapturesService,
  IdempotencyKeyMissingError,
  PaymentCreationService,
  PaymentsService,
  RefundsService,
  toPaymentView,
  ValidationFailedError,
} from '@app/payments';
import type { FastifyReply } from 'fastify';
import { CurrentClient, RequireScope } from '../auth/api-key.guard.js';
import { ApiErrors, JSON_BODY_ERRORS } from '../common/api-errors.js';
import { JsonBodyGuard } from '../common/json-body.guard.js';
import type { ApiClient } from '../config/auth.config.js';
import { CreatePaymentDto } from './dto/create-payment.dto.js';
import { ListPaymentsQueryDto } from './dto/list-payments.query.dto.js';
import { CreateRefundDto, RefundListResponseDto, RefundResponseDto } from './dto/refund.dto.js';
import { CaptureListResponseDto, CaptureResponseDto, CreateCaptureDto } from './dto/capture.dto.js';
import {
  PaymentEventListResponseDto,
  PaymentListResponseDto,
  PaymentNotificationListResponseDto,
  PaymentResponseDto,
} from './dto/payment-response.dto.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

const CARD = {
  number: '4012001038443335',
  holder: 'J. Jansen',
  expiryMonth: 12,
  expiryYear: 2030,
  cvc: '123',
};
const CUSTOMER = { email: 'j@example.com', ipAddress: '203.0.113.7' };

/** Swagger UI's request examples: a card, saving it (docs/design.md#saved-cards), and paying with it later. */
const CREATE_EXAMPLES = {
  card: {
    summary: 'A card payment',
    value: {
      orderId: 'shop-1234',
      amount: 1000,
      currency: 'EUR',
      description: 'Order #1234',
      card: CARD,
      customer: CUSTOMER,
      redirectUrl: 'https://shop.example/thanks',
    },
  },
  saveCard: {
    summary: 'A first payment that saves the card',
    description: 'Once MultiSafepay approves it, the payment shows `savedCard`.',
    value: {
      orderId: 'sub-0001',
      amount: 1000,
      currency: 'EUR',
      description: 'Plan, month 1',
      card: CARD,
      customer: CUSTOMER,
      recurring: { model: 'subscription', customerReference: 'cust-42' },
    },
  },
  savedCard: {
    summary: 'A payment with a saved card',
    description: 'No card data, no CVC, no 3-D Secure: `completed` or `declined` at once.',
    value: {
      orderId: 'sub-0002',
      amount: 1000,
      currency: 'EUR',
      description: 'Plan, month 2',
      savedCardId: 'card_4qkxw6d2nbm5tq3zjv7c2rrh5e',
      recurring: { model: 'subscription', customerReference: 'cust-42' },
    },
  },
};

const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ValidationFailedError([{ field: 'id', messages: ['id must be a UUID'] }]),
});

@ApiTags('payments')
@Controller('v1/payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly creation: PaymentCreationService,
    private readonly refunds: RefundsService,
    private readonly captures: CapturesService,
    private readonly cancellation: CancellationService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScope('payments:write')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    operationId: 'createPayment',
    summary: 'Create a direct card payment',
    description:
      'Creates a `direct` CREDITCARD order at MultiSafepay. 3-D Secure: `status: initialized` and ' +
      '`nextAction` (redirect the shopper to `nextAction.url`, or render `nextAction.form.html`). ' +
      'Without 3-D Secure the final status is in the answer and `nextAction` is null. A declined ' +
      'card is `201` with `status: declined`. Replays with the same Idempotency-Key and body return ' +
      'the same answer (header `Idempotent-Replayed: true`). Saved cards: add ' +
      '`recurring: {model, customerReference}` beside `card` to save it (`savedCard` appears once ' +
      'MultiSafepay keeps it); later pay with `savedCardId` and `recurring` instead of `card`: no ' +
      'CVC, no 3-D Secure, final at once.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      '1–255 visible ASCII characters, unique per request. A key is kept with its answer for ' +
      'IDEMPOTENCY_KEY_TTL_HOURS (24 by default) from its first use; after that it has expired ' +
      'and is a fresh key again, as at Stripe: the same key then creates a new payment.',
  })
  @ApiBody({ type: CreatePaymentDto, examples: CREATE_EXAMPLES })
  @ApiCreatedResponse({ type: PaymentResponseDto })
  @ApiErrors(
    'VALIDATION_FAILED: details name each field',
    'IDEMPOTENCY_KEY_MISSING',
    ...JSON_BODY_ERRORS,
    "SAVED_CARD_NOT_FOUND: unknown, or another customer's card",
    'ORDER_ID_EXISTS',
    'IDEMPOTENCY_KEY_IN_USE: retry with the same key shortly',
    'SAVED_CARD_DELETED',
    'IDEMPOTENCY_KEY_REUSED: the key came with another body',
    'GATEWAY_TOKEN_NOT_FOUND: MultiSafepay keeps no such token (1000)',
    "GATEWAY_REJECTED: MultiSafepay's error_code in details",
    'GATEWAY_UNAVAILABLE: retry with the same key',
    'GATEWAY_TIMEOUT: outcome unknown; retry with the same key',
    "SAVED_CARD_UNREADABLE: the saved card's token cannot be decrypted (TOKEN_ENCRYPTION_KEY)",
  )
  async create(
    @CurrentClient() client: ApiClient,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: CreatePaymentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaymentResponseDto> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new IdempotencyKeyMissingError();
    const result = await this.creation.create(client.name, idempotencyKey, dto);
    void reply.status(result.status);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get()
  @RequireScope('payments:read')
  @ApiOperation({
    operationId: 'listPayments',
    summary: 'List payments, newest first (cursor pagination)',
  })
  @ApiOkResponse({ type: PaymentListResponseDto })
  @ApiErrors('VALIDATION_FAILED: details name each field')
  list(@Query() query: ListPaymentsQueryDto): Promise<PaymentListResponseDto> {
    return this.payments.list({ ...query, limit: query.limit ?? 20 });
  }

  @Get(':id')
  @RequireScope('payments:read')
  @ApiOperation({ operationId: 'getPayment', summary: 'One payment' })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'PAYMENT_NOT_FOUND')
  get(@Param('id', uuidPipe) id: string): Promise<PaymentResponseDto> {
    return this.payments.get(id);
  }

  @Get(':id/events')
  @RequireScope('payments:read')
  @ApiOperation({
    operationId: 'listPaymentEvents',
    summary: "The payment's lifecycle history, oldest first (anomalies included)",
  })
  @ApiOkResponse({ type: PaymentEventListResponseDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'PAYMENT_NOT_FOUND')
  async events(@Param('id', uuidPipe) id: string): Promise<PaymentEventListResponseDto> {
    return { data: await this.payments.events(id) };
  }

  @Get(':id/notifications')
  @RequireScope('payments:read')
  @ApiOperation({
    operationId: 'listPaymentNotifications',
    summary:
      "The notifications received about the payment (and its captures' orders), oldest first",
    description:
      'Each as recorded on arrival: GET or POST, the signature verdict, and what came of it. ' +
      'Kept NOTIFICATIONS_RETENTION_DAYS; the latest 500 are listed.',
  })
  @ApiOkResponse({ type: PaymentNotificationListResponseDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'PAYMENT_NOT_FOUND')
  async notifications(
    @Param('id', uuidPipe) id: string,
  ): Promise<PaymentNotificationListResponseDto> {
    return { data: await this.payments.notifications(id) };
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @RequireScope('payments:write')
  @ApiOperation({
    operationId: 'refreshPayment',
    summary: 'Re-read the order from MultiSafepay now and apply it',
  })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiErrors(
    'VALIDATION_FAILED: id is not a UUID',
    'PAYMENT_NOT_FOUND',
    'GATEWAY_REJECTED',
    'GATEWAY_ORDER_NOT_FOUND: MultiSafepay has no such order',
    'GATEWAY_UNAVAILABLE',
    'GATEWAY_TIMEOUT',
  )
  refresh(@Param('id', uuidPipe) id: string): Promise<PaymentResponseDto> {
    return this.payments.refresh(id);
  }

  @Post(':id/refunds')
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
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreateRefundDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefundResponseDto> {
    const result = await this.refunds.refund(client.name, checkedKey(idempotencyKey), id, dto);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.refund;
  }

  @Get(':id/refunds')
  @RequireScope('payments:read')
  @ApiOperation({ operationId: 'listRefunds', summary: "The payment's refunds, oldest first" })
  @ApiOkResponse({ type: RefundListResponseDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'PAYMENT_NOT_FOUND')
  async listRefunds(@Param('id', uuidPipe) id: string): Promise<RefundListResponseDto> {
    return { data: await this.refunds.list(id) };
  }

  @Post(':id/captures')
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
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Param('id', uuidPipe) id: string,
    @Body() dto: CreateCaptureDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaptureResponseDto> {
    const result = await this.captures.capture(client.name, checkedKey(idempotencyKey), id, dto);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.capture;
  }

  @Get(':id/captures')
  @RequireScope('payments:read')
  @ApiOperation({ operationId: 'listCaptures', summary: "The payment's captures, oldest first" })
  @ApiOkResponse({ type: CaptureListResponseDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'PAYMENT_NOT_FOUND')
  async listCaptures(@Param('id', uuidPipe) id: string): Promise<CaptureListResponseDto> {
    return { data: await this.captures.list(id) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireScope('payments:write')
  @ApiOperation({
    operationId: 'cancelPayment',
    summary: 'Cancel a payment still awaiting the shopper, or release an authorization',
    description:
      '`initialized` or `uncleared` payments are cancelled (MultiSafepay: PATCH /orders/{id}): ' +
      '`void`. An `authorized` one (manual capture) has what is left of its authorization ' +
      'released (PATCH /capture/{id}): `void` if nothing was captured, `completed` otherwise.',
  })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiErrors(
    'VALIDATION_FAILED: id is not a UUID',
    'PAYMENT_NOT_FOUND',
    'NOT_CANCELLABLE',
    'ILLEGAL_TRANSITION',
    'GATEWAY_REJECTED',
    'GATEWAY_UNAVAILABLE',
    'GATEWAY_TIMEOUT',
  )
  async cancel(@Param('id', uuidPipe) id: string): Promise<PaymentResponseDto> {
    return toPaymentView(await this.cancellation.cancel(id));
  }
}

function checkedKey(key: string | undefined): string {
  if (!key || !IDEMPOTENCY_KEY.test(key)) throw new IdempotencyKeyMissingError();
  return key;
}

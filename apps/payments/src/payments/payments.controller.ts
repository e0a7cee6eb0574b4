import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
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
import { PaymentCreationService, PaymentsService } from '@app/payments';
import type { FastifyReply } from 'fastify';
import { CurrentClient, RequireScope } from '../auth/api-key.guard.js';
import { ApiErrors, JSON_BODY_ERRORS } from '../common/api-errors.js';
import { JsonBodyGuard } from '../common/json-body.guard.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import type { ApiClient } from '../config/auth.config.js';
import { CreatePaymentDto } from './dto/create-payment.dto.js';
import { ListPaymentsQueryDto } from './dto/list-payments.query.dto.js';
import {
  PaymentEventListResponseDto,
  PaymentListResponseDto,
  PaymentNotificationListResponseDto,
  PaymentResponseDto,
} from './dto/payment-response.dto.js';
import { IdempotencyKey } from './idempotency-key.decorator.js';

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

@ApiTags('payments')
@Controller('v1/payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly creation: PaymentCreationService,
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
    @IdempotencyKey() idempotencyKey: string,
    @Body() dto: CreatePaymentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaymentResponseDto> {
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
}

import {
  EVENT_SOURCES,
  NOTIFICATION_OUTCOMES,
  PAYMENT_STATUSES,
  type EventSource,
  type NotificationOutcome,
  type PaymentNotificationView,
  type PaymentEventView,
  type PaymentMetadata,
  type PaymentStatus,
  type PaymentView,
} from '@app/payments';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PaymentSavedCardDto } from './saved-card.dto.js';

export class CardSummaryDto {
  @ApiProperty({ example: 'VISA', nullable: true, type: String }) brand!: string | null;
  @ApiProperty({ example: '1111', nullable: true, type: String }) last4!: string | null;
  @ApiProperty({ example: 12, nullable: true, type: Number }) expiryMonth!: number | null;
  @ApiProperty({ example: 2030, nullable: true, type: Number }) expiryYear!: number | null;
}

export class NextActionFormDto {
  @ApiProperty({
    description: "MultiSafepay's customer_verification.html: render it to the shopper",
  })
  html!: string;
}

export class NextActionDto {
  @ApiProperty({ enum: ['redirect'] }) type!: 'redirect';

  @ApiProperty({
    example: 'http://127.0.0.1:3000/sandbox/connect/3ds-…/',
    nullable: true,
    type: String,
    description: "MultiSafepay's payment_url: redirect the shopper here (recommended)",
  })
  url!: string | null;

  @ApiPropertyOptional({ type: NextActionFormDto, nullable: true })
  form!: NextActionFormDto | null;
}

export class GatewayInfoDto {
  @ApiProperty({
    example: '9007199254741993',
    nullable: true,
    type: String,
    description: "MultiSafepay's transaction id, as a string (it exceeds 2^53)",
  })
  transactionId!: string | null;

  @ApiProperty({ example: 'initialized', nullable: true, type: String })
  status!: string | null;
}

export class CaptureSummaryDto {
  @ApiProperty({ enum: ['manual'] }) mode!: 'manual';

  @ApiProperty({
    example: 400,
    description:
      'Minor units that can still be captured; 0 once captured in full, released or expired',
  })
  capturableAmount!: number;

  @ApiProperty({ example: 600, description: 'Minor units captured so far; refunds apply to this' })
  capturedAmount!: number;

  @ApiProperty({
    example: '2026-12-05T14:00:00.000Z',
    nullable: true,
    type: String,
    description:
      'When the authorization lapses (Visa 7 days, Mastercard and Maestro 30); null until authorized',
  })
  expiresAt!: string | null;
}

export class PaymentResponseDto implements PaymentView {
  @ApiProperty({ example: '6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b' }) id!: string;
  @ApiProperty({ example: 'shop-1234' }) orderId!: string;
  @ApiProperty({ enum: PAYMENT_STATUSES, example: 'initialized' }) status!: PaymentStatus;
  @ApiProperty({ example: 1000 }) amount!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 'Order #1234' }) description!: string;
  @ApiProperty({ type: CardSummaryDto }) card!: CardSummaryDto;

  @ApiProperty({
    type: NextActionDto,
    nullable: true,
    description: 'What the shopper must do for 3-D Secure; null when nothing is needed',
  })
  nextAction!: NextActionDto | null;

  @ApiProperty({ type: GatewayInfoDto }) gateway!: GatewayInfoDto;
  @ApiProperty({ example: 0 }) refundedAmount!: number;

  @ApiProperty({
    type: CaptureSummaryDto,
    nullable: true,
    description: 'Manual capture (captureMode manual); null for automatic capture',
  })
  capture!: CaptureSummaryDto | null;

  @ApiProperty({
    type: PaymentSavedCardDto,
    nullable: true,
    description:
      'The card this payment saved (with `recurring`, once MultiSafepay kept it) or paid with ' +
      '(`savedCardId`); null otherwise',
  })
  savedCard!: PaymentSavedCardDto | null;

  @ApiPropertyOptional({
    example: 'cust-42',
    nullable: true,
    type: String,
    description:
      'Your customer id sent with the payment: `recurring.customerReference`, else ' +
      '`customer.reference`; null when neither was given. Missing from an answer replayed ' +
      '(same Idempotency-Key) or an event recorded before the field existed',
  })
  customerReference?: string | null;

  @ApiProperty({ example: { cartId: 'c-9' }, nullable: true, type: Object })
  metadata!: PaymentMetadata | null;

  @ApiProperty({ example: '2026-11-24T14:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-24T14:00:01.000Z' }) updatedAt!: string;
}

export class PaymentListResponseDto {
  @ApiProperty({ type: [PaymentResponseDto] }) data!: PaymentResponseDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}

export class PaymentEventDto implements PaymentEventView {
  @ApiProperty({ enum: PAYMENT_STATUSES, nullable: true, example: 'created' })
  from!: PaymentStatus | null;
  @ApiProperty({ enum: PAYMENT_STATUSES, example: 'initialized' }) to!: PaymentStatus;
  @ApiProperty({ enum: EVENT_SOURCES, example: 'api' }) source!: EventSource;

  @ApiProperty({ description: 'An illegal move that was recorded, not applied', example: false })
  anomaly!: boolean;

  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the gateway payload' })
  gatewayPayloadDigest!: string | null;
  @ApiProperty({ example: '2026-11-24T14:00:01.000Z' }) at!: string;
}

export class PaymentEventListResponseDto {
  @ApiProperty({ type: [PaymentEventDto] }) data!: PaymentEventDto[];
}

export class PaymentNotificationDto implements PaymentNotificationView {
  @ApiProperty({ example: '8d2f0c4e-1b3a-4c5d-9e7f-0a1b2c3d4e5f' }) id!: string;
  @ApiProperty({ example: '2026-11-24T14:00:02.000Z' }) receivedAt!: string;
  @ApiProperty({ enum: ['GET', 'POST'], example: 'POST' }) method!: 'GET' | 'POST';
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The order id it named: the payment's, or one of its captures'",
  })
  orderId!: string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'POST: whether the signature verified; null for GET (unsigned)',
  })
  signatureOk!: boolean | null;
  @ApiProperty({
    enum: NOTIFICATION_OUTCOMES,
    example: 'applied',
    description:
      'applied: it moved the payment; noop: nothing new; anomaly: an illegal move, recorded; ' +
      'bad_signature, invalid: refused; coalesced: answered by a read already under way; ' +
      'failed: the re-read failed (MultiSafepay retries)',
  })
  outcome!: NotificationOutcome;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '203.0.113.7' }) source!: string | null;
}

export class PaymentNotificationListResponseDto {
  @ApiProperty({ type: [PaymentNotificationDto] }) data!: PaymentNotificationDto[];
}

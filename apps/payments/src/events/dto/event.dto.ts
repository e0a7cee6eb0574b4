import {
  CAPTURE_EVENT_TYPES,
  EVENT_TYPES,
  PAYMENT_EVENT_TYPES,
  REFUND_EVENT_TYPES,
  SAVED_CARD_EVENT_TYPES,
} from '@app/payments';
import { ApiProperty, getSchemaPath, OmitType, type SchemaObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CaptureResponseDto } from '../../payments/dto/capture.dto.js';
import { PaymentResponseDto } from '../../payments/dto/payment-response.dto.js';
import { RefundResponseDto } from '../../payments/dto/refund.dto.js';
import { SavedCardResponseDto } from '../../payments/dto/saved-card.dto.js';

/** The fields of every event, in the feed and in every delivery (docs/events.md). */
abstract class EventFieldsDto {
  @ApiProperty({
    example: 'evt_0c6f2a9d41b7e03c85a1d2f4e6',
    description:
      'Unique; the Standard Webhooks `webhook-id` and the AMQP `messageId`: dedupe by it',
  })
  id!: string;

  @ApiProperty({ example: '2026-11-28T18:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b', nullable: true, type: String })
  paymentId!: string | null;

  @ApiProperty({
    example: 3,
    nullable: true,
    type: Number,
    description:
      "Grows with each of the payment's events: keep the highest seen per payment and drop an " +
      'event with a lower one (deliveries may arrive out of order); null for saved cards',
  })
  sequence!: number | null;
}

/**
 * A refund or capture as its events carry it: the resource of the API without `requestedBy` (the
 * name of the API key that asked for it stays in the API).
 */
export class RefundEventObjectDto extends OmitType(RefundResponseDto, ['requestedBy'] as const) {}
export class CaptureEventObjectDto extends OmitType(CaptureResponseDto, ['requestedBy'] as const) {}

/** `data`: the resource after the change, never a later state. */
const dataOf = (resource: string, description: string) => ({
  type: 'object' as const,
  required: ['object'],
  selfRequired: true,
  properties: { object: { $ref: getSchemaPath(resource), description } },
});

/** Which resource each event type carries in `data.object`. */
const PAYMENT_TYPES = [
  ...PAYMENT_EVENT_TYPES,
  ...CAPTURE_EVENT_TYPES.filter((t) => t.startsWith('payment.')),
];
const CAPTURE_TYPES = CAPTURE_EVENT_TYPES.filter((t) => t.startsWith('capture.'));

export class PaymentChangedEventDto extends EventFieldsDto {
  @ApiProperty({ enum: PAYMENT_TYPES, example: 'payment.completed' })
  type!: string;

  @ApiProperty(dataOf('PaymentResponseDto', 'The payment'))
  data!: { object: PaymentResponseDto };
}

export class RefundEventDto extends EventFieldsDto {
  @ApiProperty({ enum: REFUND_EVENT_TYPES, example: 'refund.succeeded' })
  type!: string;

  @ApiProperty(dataOf('RefundEventObjectDto', 'The refund'))
  data!: { object: RefundEventObjectDto };
}

export class CaptureEventDto extends EventFieldsDto {
  @ApiProperty({ enum: CAPTURE_TYPES, example: 'capture.succeeded' })
  type!: string;

  @ApiProperty(dataOf('CaptureEventObjectDto', 'The capture'))
  data!: { object: CaptureEventObjectDto };
}

export class SavedCardEventDto extends EventFieldsDto {
  @ApiProperty({ enum: SAVED_CARD_EVENT_TYPES, example: 'saved_card.created' })
  type!: string;

  @ApiProperty(dataOf('SavedCardResponseDto', 'The saved card (never its token)'))
  data!: { object: SavedCardResponseDto };
}

/** The resources an event can carry, registered beside the variants that name them. */
export const EVENT_MODELS = [
  PaymentChangedEventDto,
  RefundEventDto,
  CaptureEventDto,
  SavedCardEventDto,
  PaymentResponseDto,
  RefundEventObjectDto,
  CaptureEventObjectDto,
  SavedCardResponseDto,
];

const VARIANTS: [typeof EventFieldsDto, readonly string[]][] = [
  [PaymentChangedEventDto, PAYMENT_TYPES],
  [RefundEventDto, REFUND_EVENT_TYPES],
  [CaptureEventDto, CAPTURE_TYPES],
  [SavedCardEventDto, SAVED_CARD_EVENT_TYPES],
];

/**
 * The `EventDto` schema: one of the four variants, chosen by `type` (the discriminator), so
 * that `data.object` is a payment, a refund, a capture or a saved card as the type says. Nest
 * cannot declare a class as a union, so the schema is written here and added to the document
 * by buildOpenApiDocument.
 */
const unmapped = EVENT_TYPES.filter(
  (t) => VARIANTS.filter(([, types]) => types.includes(t)).length !== 1,
);
if (unmapped.length > 0) {
  // A new kind of event needs its variant here, or the document would refuse its events.
  throw new Error(`event types without exactly one schema: ${unmapped.join(', ')}`);
}

export const EVENT_SCHEMA: SchemaObject = {
  description: 'An event; `type` says which resource `data.object` is (docs/events.md)',
  oneOf: VARIANTS.map(([dto]) => ({ $ref: getSchemaPath(dto) })),
  discriminator: {
    propertyName: 'type',
    mapping: Object.fromEntries(
      VARIANTS.flatMap(([dto, types]) => types.map((t) => [t, getSchemaPath(dto)])),
    ),
  },
};

/** An event as the API answers it: one of the variants above (see EVENT_SCHEMA). */
export type EventDto =
  PaymentChangedEventDto | RefundEventDto | CaptureEventDto | SavedCardEventDto;

export class EventPageDto {
  @ApiProperty({ type: 'array', items: { $ref: getSchemaPath('EventDto') } })
  data!: EventDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Pass as `after` to continue. Present even on the last page (the feed keeps growing); null ' +
      'only when there were no events at all',
  })
  nextCursor!: string | null;

  @ApiProperty({ description: 'More events were already waiting beyond this page' })
  hasMore!: boolean;
}

export class ListEventsQueryDto {
  @ApiProperty({
    required: false,
    description:
      '`nextCursor` of the previous page; without it the feed starts at the oldest event kept',
  })
  @IsOptional()
  @MaxLength(100)
  after?: string;

  @ApiProperty({ required: false, enum: EVENT_TYPES })
  @IsOptional()
  @IsIn(EVENT_TYPES, { message: `type must be one of ${EVENT_TYPES.join(', ')}` })
  type?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'paymentId must be a UUID' })
  paymentId?: string;

  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;
}

export class RedeliverDto {
  @ApiProperty({
    required: false,
    format: 'uuid',
    description:
      'Only to this endpoint (whatever its event types); without it, to every enabled endpoint ' +
      'subscribed to the type, and to RabbitMQ when configured',
  })
  @IsOptional()
  @IsUUID('all', { message: 'endpointId must be a UUID' })
  endpointId?: string;
}

export class RedeliverResponseDto {
  @ApiProperty({ example: 1, description: 'Deliveries scheduled (sent within moments)' })
  scheduled!: number;
}

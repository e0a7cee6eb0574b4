import { EVENT_TYPES, type EventBody } from '@app/payments';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PaymentResponseDto } from '../../payments/dto/payment-response.dto.js';
import { RefundResponseDto } from '../../payments/dto/refund.dto.js';

@ApiExtraModels(PaymentResponseDto, RefundResponseDto)
export class EventDataDto {
  @ApiProperty({
    description:
      'The resource after the change: a payment for `payment.*` events, a refund for `refund.*`',
    oneOf: [
      { $ref: getSchemaPath(PaymentResponseDto) },
      { $ref: getSchemaPath(RefundResponseDto) },
    ],
  })
  object!: PaymentResponseDto | RefundResponseDto;
}

/** The body of every event, in the feed and in every delivery (docs/design.md#events). */
export class EventDto implements EventBody {
  @ApiProperty({
    example: 'evt_0c6f2a9d41b7e03c85a1d2f4e6',
    description:
      'Unique; the Standard Webhooks `webhook-id` and the AMQP `messageId`: dedupe by it',
  })
  id!: string;

  @ApiProperty({ enum: EVENT_TYPES, example: 'payment.completed' })
  type!: string;

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
      'event with a lower one (deliveries may arrive out of order)',
  })
  sequence!: number | null;

  @ApiProperty({ type: EventDataDto })
  data!: EventDataDto;
}

export class EventPageDto {
  @ApiProperty({ type: [EventDto] }) data!: EventDto[];

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

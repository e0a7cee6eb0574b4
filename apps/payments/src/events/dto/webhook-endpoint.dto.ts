import {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  EVENT_TYPES,
  WEBHOOK_ENDPOINT_STATUSES,
  type DeliveryAttemptView,
  type DeliveryChannel,
  type EventDeliveryView,
  type DeliveryStatus,
  type DeliveryView,
  type WebhookEndpointStatus,
  type WebhookEndpointView,
} from '@app/payments';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const SUBSCRIBABLE = ['*', ...EVENT_TYPES];
const URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  allow_underscores: true,
};
const URL_MESSAGE = 'url must be an absolute http(s) URL of at most 2048 characters';

export class CreateWebhookEndpointDto {
  @ApiProperty({ example: 'https://orders.shop.internal/payment-events', maxLength: 2048 })
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(2048, { message: URL_MESSAGE })
  url!: string;

  @ApiProperty({
    example: ['payment.completed', 'payment.declined', 'refund.succeeded'],
    description: 'Event types to send; `*` for all of them',
    enum: SUBSCRIBABLE,
    isArray: true,
  })
  @IsArray({ message: 'eventTypes must be an array of event types' })
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event type (or *)' })
  @ArrayMaxSize(SUBSCRIBABLE.length, { message: 'eventTypes lists too many types' })
  @IsIn(SUBSCRIBABLE, {
    each: true,
    message: `eventTypes must contain only * or ${EVENT_TYPES.join(', ')}`,
  })
  eventTypes!: string[];

  @ApiPropertyOptional({ example: 'Order service', maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'description must be a string' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string;
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional({ example: 'https://orders.shop.internal/payment-events', maxLength: 2048 })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(2048, { message: URL_MESSAGE })
  url?: string;

  @ApiPropertyOptional({ enum: SUBSCRIBABLE, isArray: true, example: ['*'] })
  @IsOptional()
  @IsArray({ message: 'eventTypes must be an array of event types' })
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event type (or *)' })
  @ArrayMaxSize(SUBSCRIBABLE.length, { message: 'eventTypes lists too many types' })
  @IsIn(SUBSCRIBABLE, {
    each: true,
    message: `eventTypes must contain only * or ${EVENT_TYPES.join(', ')}`,
  })
  eventTypes?: string[];

  @ApiPropertyOptional({ example: 'Order service', maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'description must be a string' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string;

  @ApiPropertyOptional({
    enum: WEBHOOK_ENDPOINT_STATUSES,
    description:
      '`enabled` again after it was disabled (by hand, or after failing for 5 days): its waiting deliveries go out at once',
  })
  @IsOptional()
  @IsIn(WEBHOOK_ENDPOINT_STATUSES, { message: 'status must be enabled or disabled' })
  status?: WebhookEndpointStatus;
}

export class WebhookEndpointDto implements WebhookEndpointView {
  @ApiProperty({ example: '3b8f7d2e-4c1a-4e9b-8a7d-2f1e0c9b8a7d' }) id!: string;
  @ApiProperty({ example: 'https://orders.shop.internal/payment-events' }) url!: string;
  @ApiProperty({ example: 'Order service', nullable: true, type: String })
  description!: string | null;
  @ApiProperty({ example: ['payment.completed'], isArray: true, enum: SUBSCRIBABLE })
  eventTypes!: string[];
  @ApiProperty({ enum: WEBHOOK_ENDPOINT_STATUSES, example: 'enabled' })
  status!: WebhookEndpointStatus;
  @ApiProperty({ nullable: true, type: String, example: null }) disabledReason!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'Since when every attempt has failed; disabled after 5 days of it',
  })
  failingSince!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description:
      'Until when the secret replaced by the last rotation still signs beside the new one',
  })
  previousSecretExpiresAt!: string | null;
  @ApiProperty({ example: '2026-11-28T18:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-28T18:00:00.000Z' }) updatedAt!: string;
}

export class WebhookEndpointWithSecretDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'The signing secret, shown only now: verify deliveries with any Standard Webhooks library',
  })
  secret!: string;
}

export class WebhookEndpointListDto {
  @ApiProperty({ type: [WebhookEndpointDto] }) data!: WebhookEndpointDto[];
}

export class DeliveryAttemptDto implements DeliveryAttemptView {
  @ApiProperty({ example: '2026-11-28T18:00:01.000Z' }) at!: string;
  @ApiProperty({ nullable: true, type: Number, example: 500 }) status!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500' }) error!: string | null;
  @ApiProperty({ example: 42 }) durationMs!: number;
}

export class DeliveryDto implements DeliveryView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'evt_0c6f2a9d41b7e03c85a1d2f4e6' }) eventId!: string;
  @ApiProperty({ example: 'payment.completed' }) eventType!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ example: 2 }) attempts!: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ type: [DeliveryAttemptDto] }) attemptLog!: DeliveryAttemptDto[];
  @ApiProperty() createdAt!: string;
}

export class DeliveryListDto {
  @ApiProperty({ type: [DeliveryDto] }) data!: DeliveryDto[];
}

export class EventDeliveryDto extends DeliveryDto implements EventDeliveryView {
  @ApiProperty({ enum: DELIVERY_CHANNELS, description: 'webhook: an endpoint; amqp: RabbitMQ' })
  channel!: DeliveryChannel;
  @ApiProperty({ nullable: true, type: String, description: 'null for RabbitMQ' })
  endpointId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'https://orders.shop.internal/events' })
  endpointUrl!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 500, description: 'HTTP status' })
  lastStatus!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500' }) lastError!: string | null;
}

export class EventDeliveryListDto {
  @ApiProperty({ type: [EventDeliveryDto] }) data!: EventDeliveryDto[];
}

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}

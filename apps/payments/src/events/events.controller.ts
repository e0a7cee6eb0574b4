import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { EventsService, ValidationFailedError } from '@app/payments';
import { RequireScope } from '../auth/api-key.guard.js';
import { ApiErrors, JSON_BODY_ERRORS } from '../common/api-errors.js';
import {
  EVENT_MODELS,
  type EventDto,
  EventPageDto,
  ListEventsQueryDto,
  RedeliverDto,
  RedeliverResponseDto,
} from './dto/event.dto.js';
import { EventDeliveryListDto } from './dto/webhook-endpoint.dto.js';

function eventId(id: string): string {
  if (!/^evt_[0-9a-f]{26}$/.test(id)) {
    throw new ValidationFailedError([
      { field: 'id', messages: ['id must be an event id (evt_…)'] },
    ]);
  }
  return id;
}

@ApiTags('events')
@Controller('v1/events')
@ApiExtraModels(...EVENT_MODELS)
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @RequireScope('events:read')
  @ApiOperation({
    operationId: 'listEvents',
    summary: 'The event feed, oldest first',
    description:
      'Page with `after` = the previous `nextCursor`. The feed follows the writing transactions: ' +
      'an event whose transaction commits late is never skipped by a reader that is already past ' +
      'a later one. Per payment, keep the highest `sequence` applied. Poll again with the last `nextCursor` to get what happened since. Delivered events are ' +
      'kept EVENTS_RETENTION_DAYS.',
  })
  @ApiOkResponse({ type: EventPageDto })
  @ApiErrors('VALIDATION_FAILED: details name each field')
  list(@Query() query: ListEventsQueryDto): Promise<EventPageDto> {
    return this.events.list({ ...query, limit: query.limit ?? 50 }) as Promise<EventPageDto>;
  }

  @Get(':id')
  @RequireScope('events:read')
  @ApiOperation({ operationId: 'getEvent', summary: 'One event' })
  @ApiOkResponse({ schema: { $ref: getSchemaPath('EventDto') } })
  @ApiErrors('VALIDATION_FAILED: id is not an event id', 'EVENT_NOT_FOUND')
  get(@Param('id') id: string): Promise<EventDto> {
    return this.events.get(eventId(id)) as Promise<EventDto>;
  }

  @Get(':id/deliveries')
  @RequireScope('events:read')
  @ApiOperation({
    operationId: 'listEventDeliveries',
    summary: "The event's deliveries: one per webhook endpoint and RabbitMQ, with attempts",
    description:
      'Oldest first. Each has its status, attempts and last error, and its attempt log. An ' +
      'event no destination subscribed to has none.',
  })
  @ApiOkResponse({ type: EventDeliveryListDto })
  @ApiErrors('VALIDATION_FAILED: id is not an event id', 'EVENT_NOT_FOUND')
  async deliveries(@Param('id') id: string): Promise<EventDeliveryListDto> {
    return { data: await this.events.deliveries(eventId(id)) };
  }

  @Post(':id/redeliver')
  @HttpCode(202)
  @RequireScope('events:admin')
  @ApiOperation({
    operationId: 'redeliverEvent',
    summary: 'Send an event again',
    description:
      'To one endpoint, or to every enabled endpoint subscribed to its type (and RabbitMQ when ' +
      'configured). The delivery starts a new retry schedule.',
  })
  @ApiBody({ type: RedeliverDto, required: false })
  @ApiAcceptedResponse({ type: RedeliverResponseDto })
  @ApiErrors(
    'VALIDATION_FAILED: details name each field',
    ...JSON_BODY_ERRORS,
    'EVENT_NOT_FOUND',
    'WEBHOOK_ENDPOINT_NOT_FOUND',
  )
  redeliver(
    @Param('id') id: string,
    // The body is optional: no body at all redelivers to every destination.
    @Body() dto: RedeliverDto | undefined,
  ): Promise<RedeliverResponseDto> {
    return this.events.redeliver(eventId(id), { endpointId: dto?.endpointId });
  }
}

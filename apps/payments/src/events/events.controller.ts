import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { EventsService, ValidationFailedError } from '@app/payments';
import { RequireScope } from '../auth/api-key.guard.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import {
  EventDto,
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
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @RequireScope('events:read')
  @ApiOperation({
    summary: 'The event feed, oldest first',
    description:
      'Page with `after` = the previous `nextCursor`. The feed follows the writing transactions: ' +
      'an event whose transaction commits late is never skipped by a reader that is already past ' +
      'a later one. Per payment, keep the highest `sequence` applied. Poll again with the last `nextCursor` to get what happened since. Delivered events are ' +
      'kept EVENTS_RETENTION_DAYS.',
  })
  @ApiOkResponse({ type: EventPageDto })
  list(@Query() query: ListEventsQueryDto): Promise<EventPageDto> {
    return this.events.list({ ...query, limit: query.limit ?? 50 }) as Promise<EventPageDto>;
  }

  @Get(':id')
  @RequireScope('events:read')
  @ApiOperation({ summary: 'One event' })
  @ApiOkResponse({ type: EventDto })
  @ApiNotFoundResponse({ description: 'EVENT_NOT_FOUND', type: ErrorResponseDto })
  get(@Param('id') id: string): Promise<EventDto> {
    return this.events.get(eventId(id)) as Promise<EventDto>;
  }

  @Get(':id/deliveries')
  @RequireScope('events:read')
  @ApiOperation({
    summary: "The event's deliveries: one per webhook endpoint and RabbitMQ, with attempts",
    description:
      'Oldest first. Each has its status, attempts and last error, and its attempt log. An ' +
      'event no destination subscribed to has none.',
  })
  @ApiOkResponse({ type: EventDeliveryListDto })
  @ApiNotFoundResponse({ description: 'EVENT_NOT_FOUND', type: ErrorResponseDto })
  async deliveries(@Param('id') id: string): Promise<EventDeliveryListDto> {
    return { data: await this.events.deliveries(eventId(id)) };
  }

  @Post(':id/redeliver')
  @HttpCode(202)
  @RequireScope('events:admin')
  @ApiOperation({
    summary: 'Send an event again',
    description:
      'To one endpoint, or to every enabled endpoint subscribed to its type (and RabbitMQ when ' +
      'configured). The delivery starts a new retry schedule.',
  })
  @ApiAcceptedResponse({ type: RedeliverResponseDto })
  @ApiNotFoundResponse({
    description: 'EVENT_NOT_FOUND · WEBHOOK_ENDPOINT_NOT_FOUND',
    type: ErrorResponseDto,
  })
  redeliver(
    @Param('id') id: string,
    // The body is optional: no body at all redelivers to every destination.
    @Body() dto: RedeliverDto | undefined,
  ): Promise<RedeliverResponseDto> {
    return this.events.redeliver(eventId(id), { endpointId: dto?.endpointId });
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ValidationFailedError, WebhookEndpointsService } from '@app/payments';
import { CurrentClient, RequireScope } from '../auth/api-key.guard.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { JsonBodyGuard } from '../common/json-body.guard.js';
import type { ApiClient } from '../config/auth.config.js';
import {
  CreateWebhookEndpointDto,
  DeliveryListDto,
  ListDeliveriesQueryDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook-endpoint.dto.js';

const REFUSED_URL = {
  description:
    'VALIDATION_FAILED (details name each field), or ENDPOINT_ADDRESS_REFUSED: the URL points where ' +
    'deliveries may not go, the message says why (docs/events.md)',
  type: ErrorResponseDto,
};

const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ValidationFailedError([{ field: 'id', messages: ['id must be a UUID'] }]),
});

@ApiTags('webhook endpoints')
@Controller('v1/webhook-endpoints')
@ApiBadRequestResponse({
  description: 'VALIDATION_FAILED (details name each field)',
  type: ErrorResponseDto,
})
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @HttpCode(201)
  @RequireScope('events:admin')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary: 'Subscribe a URL to events',
    description:
      'Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, ' +
      '`webhook-signature`) with the `secret` returned here, and only here. A 2xx within 10 s ' +
      'counts as delivered; anything else (redirects included) is retried with jittered backoff ' +
      '(about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then marked failed. An endpoint failing ' +
      'for 5 days is disabled.',
  })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretDto })
  @ApiBadRequestResponse(REFUSED_URL)
  create(
    @CurrentClient() client: ApiClient,
    @Body() dto: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.create(client.name, dto);
  }

  @Get()
  @RequireScope('events:admin')
  @ApiOperation({ summary: 'Every webhook endpoint (secrets are never shown again)' })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  async list(): Promise<WebhookEndpointListDto> {
    return { data: await this.endpoints.list() };
  }

  @Get(':id')
  @RequireScope('events:admin')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_ENDPOINT_NOT_FOUND', type: ErrorResponseDto })
  get(@Param('id', uuidPipe) id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.get(id);
  }

  @Patch(':id')
  @RequireScope('events:admin')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({ summary: 'Change the URL, event types or description; disable or re-enable' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiBadRequestResponse(REFUSED_URL)
  @ApiNotFoundResponse({ description: 'WEBHOOK_ENDPOINT_NOT_FOUND', type: ErrorResponseDto })
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('events:admin')
  @ApiOperation({ summary: 'Unsubscribe: its pending deliveries are dropped' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'WEBHOOK_ENDPOINT_NOT_FOUND', type: ErrorResponseDto })
  async remove(@Param('id', uuidPipe) id: string): Promise<void> {
    await this.endpoints.remove(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @RequireScope('events:admin')
  @ApiOperation({
    summary: 'Replace the signing secret',
    description:
      'Returns the new secret (shown only now). For 24 h deliveries carry two signatures, one ' +
      'with each secret, so receivers can switch without missing an event.',
  })
  @ApiOkResponse({ type: WebhookEndpointWithSecretDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_ENDPOINT_NOT_FOUND', type: ErrorResponseDto })
  rotateSecret(@Param('id', uuidPipe) id: string): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.rotateSecret(id);
  }

  @Get(':id/deliveries')
  @RequireScope('events:admin')
  @ApiOperation({ summary: "The endpoint's deliveries, newest first, each with its attempts" })
  @ApiOkResponse({ type: DeliveryListDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_ENDPOINT_NOT_FOUND', type: ErrorResponseDto })
  async deliveries(
    @Param('id', uuidPipe) id: string,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<DeliveryListDto> {
    return {
      data: await this.endpoints.deliveries(id, { status: query.status, limit: query.limit ?? 50 }),
    };
  }
}

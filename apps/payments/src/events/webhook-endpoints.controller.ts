import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { WebhookEndpointsService } from '@app/payments';
import { CurrentClient, RequireScope } from '../auth/api-key.guard.js';
import { ApiErrors, JSON_BODY_ERRORS } from '../common/api-errors.js';
import { JsonBodyGuard } from '../common/json-body.guard.js';
import { uuidPipe } from '../common/uuid.pipe.js';
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

/** What create and update answer when the URL points where deliveries may not go. */
const REFUSED_URL =
  'ENDPOINT_ADDRESS_REFUSED: the URL points where deliveries may not go; the message says why (docs/events.md#which-urls-are-refused)';

@ApiTags('webhook endpoints')
@Controller('v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @HttpCode(201)
  @RequireScope('events:admin')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    operationId: 'createWebhookEndpoint',
    summary: 'Subscribe a URL to events',
    description:
      'Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, ' +
      '`webhook-signature`) with the `secret` returned here, and only here. A 2xx within 10 s ' +
      'counts as delivered; anything else (redirects included) is retried with jittered backoff ' +
      '(about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then marked failed. An endpoint failing ' +
      'for 5 days is disabled.',
  })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretDto })
  @ApiErrors('VALIDATION_FAILED: details name each field', REFUSED_URL, ...JSON_BODY_ERRORS)
  create(
    @CurrentClient() client: ApiClient,
    @Body() dto: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.create(client.name, dto);
  }

  @Get()
  @RequireScope('events:admin')
  @ApiOperation({
    operationId: 'listWebhookEndpoints',
    summary: 'Every webhook endpoint (secrets are never shown again)',
  })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  @ApiErrors()
  async list(): Promise<WebhookEndpointListDto> {
    return { data: await this.endpoints.list() };
  }

  @Get(':id')
  @RequireScope('events:admin')
  @ApiOperation({ operationId: 'getWebhookEndpoint', summary: 'One webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'WEBHOOK_ENDPOINT_NOT_FOUND')
  get(@Param('id', uuidPipe) id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.get(id);
  }

  @Patch(':id')
  @RequireScope('events:admin')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    operationId: 'updateWebhookEndpoint',
    summary: 'Change the URL, event types or description; disable or re-enable',
  })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiErrors(
    'VALIDATION_FAILED: details name each field',
    REFUSED_URL,
    ...JSON_BODY_ERRORS,
    'WEBHOOK_ENDPOINT_NOT_FOUND',
  )
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('events:admin')
  @ApiOperation({
    operationId: 'deleteWebhookEndpoint',
    summary: 'Unsubscribe: its pending deliveries are dropped',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'WEBHOOK_ENDPOINT_NOT_FOUND')
  async remove(@Param('id', uuidPipe) id: string): Promise<void> {
    await this.endpoints.remove(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @RequireScope('events:admin')
  @ApiOperation({
    operationId: 'rotateWebhookEndpointSecret',
    summary: 'Replace the signing secret',
    description:
      'Returns the new secret (shown only now). For 24 h deliveries carry two signatures, one ' +
      'with each secret, so receivers can switch without missing an event.',
  })
  @ApiOkResponse({ type: WebhookEndpointWithSecretDto })
  @ApiErrors('VALIDATION_FAILED: id is not a UUID', 'WEBHOOK_ENDPOINT_NOT_FOUND')
  rotateSecret(@Param('id', uuidPipe) id: string): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.rotateSecret(id);
  }

  @Get(':id/deliveries')
  @RequireScope('events:admin')
  @ApiOperation({
    operationId: 'listWebhookEndpointDeliveries',
    summary: "The endpoint's deliveries, newest first, each with its attempts",
  })
  @ApiOkResponse({ type: DeliveryListDto })
  @ApiErrors('VALIDATION_FAILED: details name each field', 'WEBHOOK_ENDPOINT_NOT_FOUND')
  async deliveries(
    @Param('id', uuidPipe) id: string,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<DeliveryListDto> {
    return {
      data: await this.endpoints.deliveries(id, { status: query.status, limit: query.limit ?? 50 }),
    };
  }
}

import { Module, type OnModuleInit } from '@nestjs/common';
import { EventsService } from '@app/payments';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { ApiThrottlerGuard } from '../auth/api-throttler.guard.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { EventsController } from './events.controller.js';
import { WebhookEndpointsController } from './webhook-endpoints.controller.js';

/** The events feed and the webhook endpoints (docs/design.md#events). */
@Module({
  controllers: [EventsController, WebhookEndpointsController],
  providers: [ApiKeyGuard, ApiThrottlerGuard],
})
export class EventsApiModule implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly events: EventsService,
  ) {}

  onModuleInit(): void {
    this.metrics.measureEventsBacklog(() => this.events.oldestPendingAgeSeconds());
  }
}

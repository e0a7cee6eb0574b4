import { Module, type OnModuleInit } from '@nestjs/common';
import { PaymentsService } from '@app/payments';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { ApiThrottlerGuard } from '../auth/api-throttler.guard.js';
import { MeController } from '../auth/me.controller.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { WebhookEdgeService } from '../webhooks/webhook-edge.service.js';
import { WebhooksController } from '../webhooks/webhooks.controller.js';
import { CancelController } from './cancel.controller.js';
import { CapturesController } from './captures.controller.js';
import { PaymentsController } from './payments.controller.js';
import { RefundsController } from './refunds.controller.js';
import { SavedCardsController } from './saved-cards.controller.js';

/** The HTTP surface of the payments domain: the internal API and MultiSafepay's webhook. */
@Module({
  // In this order in the contract (openapi.json): a payment's refunds, captures, then cancel.
  controllers: [
    MeController,
    PaymentsController,
    RefundsController,
    CapturesController,
    CancelController,
    SavedCardsController,
    WebhooksController,
  ],
  providers: [ApiKeyGuard, ApiThrottlerGuard, WebhookEdgeService],
})
export class PaymentsApiModule implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly payments: PaymentsService,
  ) {}

  onModuleInit(): void {
    this.metrics.measureOldestOpenPayment(() => this.payments.oldestOpenAgeSeconds());
  }
}

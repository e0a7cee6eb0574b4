import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { ApiThrottlerGuard } from '../auth/api-throttler.guard.js';
import { WebhookEdgeService } from '../webhooks/webhook-edge.service.js';
import { WebhooksController } from '../webhooks/webhooks.controller.js';
import { PaymentsController } from './payments.controller.js';
import { SavedCardsController } from './saved-cards.controller.js';

/** The HTTP surface of the payments domain: the internal API and MultiSafepay's webhook. */
@Module({
  controllers: [PaymentsController, SavedCardsController, WebhooksController],
  providers: [ApiKeyGuard, ApiThrottlerGuard, WebhookEdgeService],
})
export class PaymentsApiModule {}

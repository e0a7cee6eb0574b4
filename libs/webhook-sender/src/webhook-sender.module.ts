import { Module } from '@nestjs/common';
import { WebhookSender } from '@app/payments';
import { HttpWebhookSender } from './http-webhook.sender.js';

/** Binds the WebhookSender port to HTTP with Standard Webhooks signatures. */
@Module({
  providers: [{ provide: WebhookSender, useClass: HttpWebhookSender }],
  exports: [WebhookSender],
})
export class WebhookSenderModule {}

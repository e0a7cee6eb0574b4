import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { escapeHtml } from './order.js';
import { ThreeDsService } from './three-ds.service.js';

const RESULTS = ['success', 'failure', 'cancel'] as const;
type Result = (typeof RESULTS)[number];

/** The hosted 3-D Secure page at `payment_url`, like MultiSafepay's test page. */
@ApiExcludeController()
@Controller('connect')
export class ThreeDsController {
  constructor(private readonly threeDs: ThreeDsService) {}

  @Get(':session')
  page(@Param('session') session: string, @Res() reply: FastifyReply): void {
    this.render(session, reply);
  }

  /** Without the result field (the customer_verification form posts PaReq/MD), shows the page. */
  @Post(':session')
  submit(
    @Param('session') session: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): void {
    const result =
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>).result
        : undefined;
    if (result === undefined) return this.render(session, reply);
    if (typeof result !== 'string' || !(RESULTS as readonly string[]).includes(result)) {
      void reply
        .status(400)
        .header('content-type', 'text/html; charset=utf-8')
        .send(html('Invalid choice', '<p>Choose one of the buttons.</p>'));
      return;
    }
    if (!this.threeDs.session(session)) return this.gone(reply);
    const target = this.threeDs.complete(session, result as Result);
    if (!target) {
      void reply
        .status(200)
        .header('content-type', 'text/html; charset=utf-8')
        .send(html('Done', '<p>3-D Secure finished. You may close this window.</p>'));
      return;
    }
    void reply.status(303).header('location', target).send();
  }

  private render(session: string, reply: FastifyReply): void {
    const order = this.threeDs.session(session);
    if (!order) return this.gone(reply);
    const action = escapeHtml(this.threeDs.paymentUrl(session));
    const amount = `${(order.amount / 100).toFixed(2)} ${escapeHtml(order.currency)}`;
    const body = `
<main>
  <h1>3-D Secure test page</h1>
  <p>MultiSafepay sandbox · ${escapeHtml(order.card.brand)} ${escapeHtml(order.card.masked)}</p>
  <p>Order <strong>${escapeHtml(order.orderId)}</strong> · ${amount}</p>
  <form method="post" action="${action}">
    <button type="submit" name="result" value="success" id="authenticate">Authenticated (Y)</button>
    <button type="submit" name="result" value="failure" id="fail">Failed (N)</button>
    <button type="submit" name="result" value="cancel" id="cancel">Cancel</button>
  </form>
</main>`;
    void reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .send(html('3-D Secure', body));
  }

  private gone(reply: FastifyReply): void {
    void reply
      .status(404)
      .header('content-type', 'text/html; charset=utf-8')
      .send(
        html(
          'Session not found',
          '<p>This 3-D Secure session is unknown, finished or expired.</p>',
        ),
      );
  }
}

function html(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem}</style>
</head><body>${body}</body></html>`;
}

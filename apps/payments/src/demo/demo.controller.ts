import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  type RawBodyRequest,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { PaymentsService } from '@app/payments';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { appConfig } from '../config/app.config.js';
import { authConfig } from '../config/auth.config.js';
import { checkoutPage, DEMO_CARDS, esc, page, resultPage, type DemoPayment } from './demo.html.js';
import { DemoSubscriber } from './demo-subscriber.js';

type Form = Record<string, string | undefined>;

const html = (reply: FastifyReply, status: number, body: string): void => {
  void reply.status(status).header('content-type', 'text/html; charset=utf-8').send(body);
};

/**
 * A demo checkout for sandbox mode (`/demo`): the page posts here, this server side calls our own
 * `/v1/payments` over HTTP with a demo key, follows `nextAction`, and shows the result.
 */
@ApiExcludeController()
@Controller('demo')
export class DemoController {
  private readonly demoKey: string | undefined;

  constructor(
    private readonly payments: PaymentsService,
    private readonly subscriber: DemoSubscriber,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>,
  ) {
    this.demoKey = auth.clients.find(
      (c) => c.scopes.has('payments:write') || c.scopes.has('admin'),
    )?.secret;
  }

  @Get()
  checkout(@Res() reply: FastifyReply): void {
    html(reply, 200, checkoutPage());
  }

  @Post('checkout')
  async pay(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = (typeof body === 'object' && body !== null ? body : {}) as Form;
    const pan = DEMO_CARDS.find(([number]) => number === form.card)?.[0];
    const amount = Math.round(Number(form.amount) * 100);
    if (!pan || !Number.isSafeInteger(amount) || amount < 1) {
      return html(reply, 400, checkoutPage('Choose a test card and an amount above 0.'));
    }
    const orderId = `demo-${randomUUID()}`;
    const returnUrl = `${this.app.publicBaseUrl}/demo/return`;
    const int = (v: string | undefined): number | undefined =>
      v && /^-?\d+$/.test(v) ? Number(v) : undefined;
    const res = await fetch(`http://127.0.0.1:${this.app.port}/v1/payments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.demoKey ?? ''}`,
        'idempotency-key': orderId,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        orderId,
        amount,
        currency: form.currency,
        description: 'Demo checkout',
        card: {
          number: pan,
          holder: form.holder,
          expiryMonth: int(form.month),
          expiryYear: int(form.year),
          cvc: form.cvc,
        },
        customer: {
          email: 'shopper@example.com',
          ipAddress: request.ip === '::1' ? '127.0.0.1' : request.ip.replace(/^::ffff:/, ''),
          userAgent: request.headers['user-agent']?.slice(0, 1000),
          browser: {
            javascriptEnabled: true,
            language: form.language?.slice(0, 35) || undefined,
            screenWidth: int(form.screenWidth),
            screenHeight: int(form.screenHeight),
            timeZone: int(form.timeZone),
          },
        },
        redirectUrl: returnUrl,
        cancelUrl: returnUrl,
        captureMode: form.captureLater ? 'manual' : undefined,
        recurring: form.saveCard
          ? { model: 'cardOnFile', customerReference: form.customerReference }
          : undefined,
      }),
    });
    const created = (await res.json()) as {
      id?: string;
      nextAction?: { url: string | null; form: { html: string } | null } | null;
      error?: { message: string };
    };
    if (res.status !== 201 || !created.id) {
      return html(
        reply,
        400,
        checkoutPage(created.error?.message ?? `The payment failed (${res.status})`),
      );
    }
    const next = created.nextAction;
    if (next?.form && form.flow === 'form') return html(reply, 200, next.form.html);
    if (next?.url) {
      void reply.status(303).header('location', next.url).send();
      return;
    }
    void reply.status(303).header('location', `/demo/result/${created.id}`).send();
  }

  /** Where MultiSafepay sends the shopper back (`?transactionid=<order id>`). */
  @Get('return')
  async back(
    @Query('transactionid') orderId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const payment = orderId ? await this.payments.findByOrderId(orderId) : null;
    if (!payment)
      return html(
        reply,
        404,
        page('Unknown payment', '<p>No such payment. <a href="/demo">Start again</a></p>'),
      );
    void reply.status(303).header('location', `/demo/result/${payment.id}`).send();
  }

  @Get('result/:id')
  async result(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    html(reply, 200, resultPage(await this.view(id)));
  }

  /** The built-in subscriber's endpoint: deliveries signed per Standard Webhooks. */
  @Post('events')
  @HttpCode(204)
  events(@Req() request: RawBodyRequest<FastifyRequest>, @Res() reply: FastifyReply): void {
    const ok = this.subscriber.receive(request.headers, request.rawBody?.toString('utf8') ?? '');
    void reply.status(ok ? 204 : 401).send();
  }

  /** Captures all or part of an authorized payment through our own API, then shows it again. */
  @Post('result/:id/capture')
  async capture(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = (typeof body === 'object' && body !== null ? body : {}) as Form;
    const amount = Math.round(Number(form.amount) * 100);
    const res = await this.api('POST', `/v1/payments/${id}/captures`, {
      amount: Number.isSafeInteger(amount) && amount > 0 ? amount : undefined,
    });
    await this.answer(reply, id, res);
  }

  /** Releases what is left of an authorization through our own API, then shows it again. */
  @Post('result/:id/release')
  async release(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(reply, id, await this.api('POST', `/v1/payments/${id}/cancel`));
  }

  /** Pays the same amount again with the card this payment saved: no card fields, no CVC. */
  @Post('result/:id/pay-again')
  async payAgain(
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const payment = await this.payments.findById(id);
    if (!payment?.savedCardId || !payment.customerReference || !payment.recurringModel) {
      return html(reply, 404, page('No saved card', '<p>This payment has no saved card.</p>'));
    }
    const orderId = `demo-${randomUUID()}`;
    const res = await this.api('POST', '/v1/payments', {
      orderId,
      amount: payment.amount,
      currency: payment.currency,
      description: 'Demo checkout, saved card',
      savedCardId: payment.savedCardId,
      recurring: { model: payment.recurringModel, customerReference: payment.customerReference },
    });
    const created = (await res.clone().json()) as { id?: string };
    await this.answer(reply, created.id ?? id, res);
  }

  @Get('status/:id')
  status(@Param('id', ParseUUIDPipe) id: string): Promise<DemoPayment> {
    return this.view(id);
  }

  private api(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`http://127.0.0.1:${this.app.port}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.demoKey ?? ''}`,
        'idempotency-key': randomUUID(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Back to the result page, or the page with the API's error message. */
  private async answer(reply: FastifyReply, id: string, res: Response): Promise<void> {
    if (res.ok) {
      void reply.status(303).header('location', `/demo/result/${id}`).send();
      return;
    }
    const error = ((await res.json()) as { error?: { message: string } }).error;
    html(
      reply,
      res.status,
      page(
        'Not done',
        `<p class="error" id="error">${esc(error?.message ?? `HTTP ${res.status}`)}</p><p><a href="/demo/result/${esc(id)}">Back to the payment</a></p>`,
      ),
    );
  }

  private async view(id: string): Promise<DemoPayment> {
    const [payment, events] = await Promise.all([this.payments.get(id), this.payments.events(id)]);
    return {
      id: payment.id,
      orderId: payment.orderId,
      status: payment.status,
      amount: payment.amount,
      currency: payment.currency,
      card: payment.card,
      capture: payment.capture,
      savedCard: payment.savedCard,
      events: events.map((e) => ({ from: e.from, to: e.to, source: e.source, at: e.at })),
      pushed: this.subscriber.eventsOf(id),
    };
  }
}

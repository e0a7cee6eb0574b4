import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadMultisafepayConfig } from '@app/multisafepay';
import { AppModule } from './app.module.js';
import { buildOpenApiDocument } from './bootstrap.js';

/**
 * The OpenAPI document as committed in openapi.json. Built from a preview of the app (no
 * database, no gateway), with the same document the running service serves at /docs-json.
 */
export async function buildOpenApiJson(): Promise<string> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(loadMultisafepayConfig({ MSP_ENV: 'test', MSP_API_KEY: 'openapi' })),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

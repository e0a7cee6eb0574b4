import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_TS, generateTypes, OPENAPI_JSON } from '../scripts/generate.mjs';

describe('the generated types', () => {
  it('should be what openapi.json generates: run `npm run client:generate` after `npm run openapi`', async () => {
    const regenerated = await generateTypes(readFileSync(OPENAPI_JSON, 'utf8'));
    expect(readFileSync(GENERATED_TS, 'utf8')).toBe(regenerated);
  });

  it('should notice a change of openapi.json', async () => {
    const doc = JSON.parse(readFileSync(OPENAPI_JSON, 'utf8')) as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const refund = doc.components.schemas.CreateRefundDto;
    expect(refund).toBeDefined();
    if (refund) refund.properties.reason = { type: 'string' };
    const changed = await generateTypes(JSON.stringify(doc));
    expect(changed).toMatch(/CreateRefundDto: \{[^}]*reason\?: string;/);
    expect(readFileSync(GENERATED_TS, 'utf8')).not.toBe(changed);
  });
});

// Regenerates the client's types from the committed openapi.json: `npm run client:generate`.
// The output depends only on openapi.json and the locked openapi-typescript version, so the drift
// test (libs/client/src/generated.spec.ts) can regenerate in memory and compare byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const OPENAPI_JSON = fileURLToPath(new URL('../../../openapi.json', import.meta.url));
export const GENERATED_TS = fileURLToPath(new URL('../src/generated/openapi.ts', import.meta.url));

const BANNER = `/**
 * Generated from openapi.json by openapi-typescript (\`npm run client:generate\`). Do not edit:
 * a test fails when this file and openapi.json disagree.
 */

`;

/**
 * The TypeScript source of the client's types for an OpenAPI document's text.
 * @param {string} openapiText
 * @returns {Promise<string>}
 */
export async function generateTypes(openapiText) {
  // Nest documents free-form objects (payment metadata) as a bare `type: object`, which would
  // otherwise become Record<string, never> and refuse every key. A default does not make a
  // field required: callers may omit `captureMode` (the service applies the default).
  const ast = await openapiTS(JSON.parse(openapiText), {
    emptyObjectsUnknown: true,
    defaultNonNullable: false,
    silent: true,
  });
  return BANNER + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED_TS, await generateTypes(readFileSync(OPENAPI_JSON, 'utf8')));
  console.log(`wrote ${GENERATED_TS}`);
}

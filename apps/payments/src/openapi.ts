import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApiJson } from './openapi-document.js';

// `npm run openapi`: writes openapi.json (committed; a test fails when it drifts from the code).
const target = new URL('../../../../openapi.json', import.meta.url);
writeFileSync(target, await buildOpenApiJson());
process.stdout.write(`wrote ${target.pathname}\n`);

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './process.js';

/**
 * The contract check of the e2e suite: every answer of the service that a test receives is
 * validated against openapi.json (see test/support/contract-hook.ts, which wraps fetch).
 *
 * Strict on purpose, so that the document cannot drift from the code:
 * - the status must be declared for the operation (no `default` answer is ever assumed);
 * - the content type must be one the answer declares, and a body-less answer must have none;
 * - the body must match the schema under JSON Schema 2020-12 (OpenAPI 3.1's dialect, ajv), with
 *   every format checked and no property that the schema does not declare (objects are closed
 *   with `unevaluatedProperties: false` here, not in the published document, which stays open
 *   for callers so that a field added later breaks no client).
 * Paths and methods that are no operation of the document (/docs, /demo, /sandbox, a route that
 * does not exist) are outside the contract and not checked.
 */

interface MediaType {
  schema?: object;
}
interface ResponseObject {
  description: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

export interface MatchedOperation {
  method: string;
  path: string;
  operation: Operation;
}

export interface Answer {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

const document = JSON.parse(readFileSync(`${ROOT}openapi.json`, 'utf8')) as Document;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Literal paths before templated ones, so `/v1/payments/search` would win over `{id}`. */
const ROUTES = Object.entries(document.paths)
  .flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operation,
        templated: (path.match(/\{/g) ?? []).length,
        pattern: new RegExp(
          `^${path
            .split(/(\{[^}]+\})/)
            .map((part) =>
              part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
            )
            .join('')}$`,
        ),
      })),
  )
  .sort((a, b) => a.templated - b.templated);

/** Origins that are a MANAGEMENT_PORT: only /health and /metrics are operations there. */
const managementOrigins = new Set<string>();

export function registerManagementOrigin(url: string): void {
  managementOrigins.add(new URL(url).origin);
}

const isManagementPath = (path: string) => path === '/metrics' || path.startsWith('/health');

/** The operation of openapi.json a request is for; undefined when it is outside the contract. */
export function operationOf(method: string, url: string): MatchedOperation | undefined {
  const { origin, pathname } = new URL(url);
  const route = ROUTES.find((r) => r.method === method.toUpperCase() && r.pattern.test(pathname));
  if (!route) return undefined;
  if (managementOrigins.has(origin) && !isManagementPath(route.path)) return undefined;
  return { method: route.method, path: route.path, operation: route.operation };
}

/** Every object that declares its properties is closed; the published document is not. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    // `example` and `properties` hold data and names, not schemas: only their values recurse.
    if (key === 'example' || key === 'examples' || key === 'enum' || key === 'const') {
      out[key] = value;
    } else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, closed(v)]),
      );
    } else {
      out[key] = closed(value);
    }
  }
  if (
    'properties' in out &&
    !('additionalProperties' in out) &&
    !('unevaluatedProperties' in out)
  ) {
    out.unevaluatedProperties = false;
  }
  return out;
}

/**
 * A `oneOf` with a discriminator mapping, as the discriminator means it: the branch that the
 * property's value names, and only it (so that an error names what is wrong with that branch,
 * not with every other). Applied after `closed`: the variants are closed themselves.
 */
function discriminated(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(discriminated);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = Object.fromEntries(
    Object.entries(schema as Record<string, unknown>).map(([k, v]) => [
      k,
      k === 'example' || k === 'examples' || k === 'enum' || k === 'const' ? v : discriminated(v),
    ]),
  );
  const discriminator = out.discriminator as
    { propertyName: string; mapping?: Record<string, string> } | undefined;
  if (!discriminator?.mapping || !Array.isArray(out.oneOf)) return out;
  const { propertyName: name, mapping } = discriminator;
  const byRef = new Map<string, string[]>();
  for (const [value, ref] of Object.entries(mapping))
    byRef.set(ref, [...(byRef.get(ref) ?? []), value]);
  const { oneOf: _oneOf, discriminator: _discriminator, ...rest } = out;
  return {
    ...rest,
    type: 'object',
    required: [name],
    properties: { [name]: { enum: Object.keys(mapping) } },
    allOf: [...byRef].map(([ref, values]) => ({
      if: { properties: { [name]: { enum: values } } },
      then: { $ref: ref },
    })),
  };
}

/** `#/components/schemas/X` of the document, as a ref into the one schema registered below. */
function relinked(schema: unknown): unknown {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/schemas/', '"contract#/$defs/'),
  ) as unknown;
}

// ajv-formats is CommonJS: under nodenext its default import is the module, the plugin on it.
const addFormats = addFormatsModule.default;

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
// OpenAPI's own annotations: allowed, not validated.
ajv.addVocabulary(['discriminator', 'example', 'xml', 'externalDocs']);
ajv.addSchema({
  $id: 'contract',
  $defs: relinked(discriminated(closed(document.components.schemas))),
});

const validators = new Map<object, ValidateFunction>();
function validatorOf(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(relinked(discriminated(closed(schema))) as object);
    validators.set(schema, validate);
  }
  return validate;
}

const mediaTypeOf = (contentType: string | null) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

function describeErrors(errors: ErrorObject[]): string[] {
  return errors.slice(0, 12).map((e) => {
    const where = e.instancePath || '(the body)';
    const extra =
      e.keyword === 'unevaluatedProperties'
        ? ` '${String((e.params as { unevaluatedProperty?: string }).unevaluatedProperty)}'`
        : e.keyword === 'enum'
          ? ` ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}`
          : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
}

/**
 * Checks one answer against the document. Returns undefined when it is outside the contract or
 * allowed, else what is wrong with it, readable.
 */
export function contractProblem(answer: Answer): string | undefined {
  const matched = operationOf(answer.method, answer.url);
  if (!matched) return undefined;
  const { operation } = matched;
  const declared = Object.keys(operation.responses);
  const response =
    operation.responses[String(answer.status)] ??
    operation.responses[`${String(answer.status).charAt(0)}XX`];
  const problems: string[] = [];
  if (!response) {
    problems.push(`status ${answer.status} is not declared (declared: ${declared.join(', ')})`);
  } else {
    const mediaType = mediaTypeOf(answer.contentType);
    const content = response.content ?? {};
    const declaredTypes = Object.keys(content);
    if (declaredTypes.length === 0) {
      if (answer.body !== '') problems.push(`a body is sent where none is declared`);
    } else if (!(mediaType in content)) {
      problems.push(
        `content type '${answer.contentType ?? 'none'}' is not declared (declared: ${declaredTypes.join(', ')})`,
      );
    } else {
      const schema = content[mediaType]?.schema;
      let value: unknown = answer.body;
      let parsed = true;
      if (mediaType === 'application/json') {
        try {
          value = JSON.parse(answer.body);
        } catch {
          parsed = false;
          problems.push('the body is not JSON');
        }
      }
      if (parsed && schema) {
        const validate = validatorOf(schema);
        if (!validate(value)) problems.push(...describeErrors(validate.errors ?? []));
      }
    }
  }
  if (problems.length === 0) return undefined;
  const body = answer.body.length > 600 ? `${answer.body.slice(0, 600)}…` : answer.body;
  return [
    `openapi.json does not allow this answer of ${matched.method} ${matched.path} ` +
      `(${operation.operationId}): ${answer.method} ${new URL(answer.url).pathname} → ` +
      `${answer.status} ${answer.contentType ?? '(no content type)'}`,
    ...problems.map((p) => `  - ${p}`),
    `  body: ${body}`,
    '  Fix the code or its decorators (then `npm run openapi`): docs/contract.md.',
  ].join('\n');
}

/** The operations of the document, for coverage reports and for the generated-client test. */
export function contractOperations(): { operationId: string; method: string; path: string }[] {
  return ROUTES.map((r) => ({
    operationId: r.operation.operationId,
    method: r.method,
    path: r.path,
  })).sort((a, b) => a.operationId.localeCompare(b.operationId));
}

/** Where each spec file's hook adds the answers it checked (in the suite's log directory). */
export const CONTRACT_REPORT = 'contract-report.jsonl';

/** After the suite: how many answers matched, per status, and the operations none reached. */
export function printContractReport(dir: string): void {
  const file = join(dir, CONTRACT_REPORT);
  if (!existsSync(file)) return;
  const counts = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
    const { key, count } = JSON.parse(line) as { key: string; count: number };
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const reached = new Set([...counts.keys()].map((k) => k.split(' ')[0]));
  const unreached = contractOperations().filter((o) => !reached.has(o.operationId));
  const byOperation = new Map<string, string[]>();
  for (const [key, count] of [...counts].sort()) {
    const [operationId = '', status = ''] = key.split(' ');
    byOperation.set(operationId, [...(byOperation.get(operationId) ?? []), `${status}×${count}`]);
  }
  process.stdout.write(
    [
      '',
      `Contract: ${total} answers matched openapi.json, ${reached.size} of ` +
        `${contractOperations().length} operations reached`,
      ...[...byOperation].map(([op, statuses]) => `  ${op}: ${statuses.join(' ')}`),
      ...(unreached.length > 0
        ? [`  not reached by the e2e specs: ${unreached.map((o) => o.operationId).join(', ')}`]
        : []),
      '',
    ].join('\n'),
  );
}

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, inject } from 'vitest';
import { CONTRACT_REPORT, contractProblem, operationOf } from './contract.js';

/**
 * Set up for every e2e spec (vitest.config.ts `setupFiles`): wraps the global fetch, through
 * which the suite's HTTP helpers (test/support/api.ts, the typed clients, plain fetch in specs)
 * reach the service, and checks every answer of an operation of openapi.json against it
 * (test/support/contract.ts). An answer that does not match makes that fetch reject with the
 * reason, and fails the test that was running when it arrived (afterEach), also when the
 * rejection was caught or the call came from inside the app (the demo page calls the API).
 */
const realFetch = globalThis.fetch;
const problems: string[] = [];
/** Answers that matched, per `operationId status`, for the closing report. */
const checked = new Map<string, number>();

export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

globalThis.fetch = async function checkedFetch(input, init) {
  const request = input instanceof Request ? input : undefined;
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
  const response = await realFetch(input, init);
  const matched = operationOf(method, url);
  if (!matched) return response;
  const body = method === 'HEAD' ? '' : await response.clone().text();
  const problem = contractProblem({
    method,
    url,
    status: response.status,
    contentType: response.headers.get('content-type'),
    body,
  });
  if (problem) {
    problems.push(problem);
    throw new ContractViolation(problem);
  }
  const key = `${matched.operation.operationId} ${response.status}`;
  checked.set(key, (checked.get(key) ?? 0) + 1);
  return response;
};

/** Takes the violations recorded so far: for the hook's own test, which provokes one. */
export function takeContractProblems(): string[] {
  return problems.splice(0);
}

afterEach(({ task }) => {
  // A violation the test already failed with (the fetch rejected) is not reported twice.
  const failedWith = new Set((task.result?.errors ?? []).map((e) => e.message));
  const found = problems.splice(0).filter((p) => !failedWith.has(p));
  if (found.length > 0) throw new ContractViolation(found.join('\n\n'));
});

afterAll(() => {
  const found = problems.splice(0);
  const rows = [...checked].map(([key, count]) => JSON.stringify({ key, count }));
  if (rows.length > 0) {
    appendFileSync(join(inject('logDir'), CONTRACT_REPORT), `${rows.join('\n')}\n`);
  }
  if (found.length > 0) throw new ContractViolation(found.join('\n\n'));
});

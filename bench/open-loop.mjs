// The open-loop load generator. Requests start at evenly spaced instants at a fixed rate,
// whatever the answers do, and each latency counts from its request's intended instant: a slow
// answer delays no later request, and a request that could not leave on time is charged for
// the wait (no coordinated omission). autocannon's `overallRate` paces each connection by the
// second and waits for answers, so it sends bursts and measures from the actual send.
//
// undici's dispatcher (no stream or promise per request): the generator shares the machine's
// cores with what it measures, and the bench reports its CPU per request beside the others'.
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

/**
 * @typedef {{ method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string }} OpenLoopRequest
 *
 * @typedef {object} OpenLoopOptions
 * @property {string} origin `http://host:port`
 * @property {number} rate requests per second
 * @property {number} duration seconds of arrivals
 * @property {(i: number) => OpenLoopRequest} request the i-th request, built when it starts
 * @property {number} [connections] at most this many at once; beyond, requests wait for one
 *   and count as late
 * @property {number} [lateMs] a request that leaves this much after its instant is late
 * @property {number} [timeoutMs] a request unanswered after this long fails
 *
 * @typedef {object} OpenLoopResult
 * @property {number} requests requests the schedule held (rate × duration)
 * @property {number} answered requests with an HTTP answer
 * @property {number} non2xx answers that were not 2xx
 * @property {number} errors requests with no answer (connection error, timeout)
 * @property {number} late requests that left more than `lateMs` after their instant
 * @property {number} maxStartLagMs the latest a request left after its instant
 * @property {number} achievedPerSecond answers per second, from the first instant to the last answer
 * @property {number} p50 latency in ms from the intended instant to the end of the answer
 * @property {number} p99
 * @property {number} p999
 * @property {number} max
 * @property {number} firstAt `performance.now()` of the first instant
 */

/**
 * The value at percentile `p` (0–1) of ascending `sorted` by nearest rank: the smallest value
 * that at least p of the samples do not exceed. Exact, no histogram buckets.
 * @param {Float64Array} sorted
 * @param {number} p
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * Runs the schedule and resolves once every request is answered or has failed.
 * @param {OpenLoopOptions} options
 * @returns {Promise<OpenLoopResult>}
 */
export async function openLoop({
  origin,
  rate,
  duration,
  request,
  connections = 512,
  lateMs = 5,
  timeoutMs = 10_000,
}) {
  if (!(rate > 0 && duration > 0))
    throw new RangeError(`no schedule at ${rate}/s for ${duration} s`);
  const pool = new Pool(origin, {
    connections,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const interval = 1000 / rate;
  const total = Math.max(1, Math.round(rate * duration));
  const latency = new Float64Array(total);
  let started = 0;
  let settled = 0;
  let answered = 0;
  let non2xx = 0;
  let errors = 0;
  let late = 0;
  let maxStartLagMs = 0;
  let lastAnswerAt = 0;
  const firstAt = performance.now() + 2;

  await new Promise((resolve) => {
    const settle = () => {
      settled += 1;
      if (settled === total) resolve(undefined);
    };
    const send = (/** @type {number} */ i) => {
      const at = firstAt + i * interval;
      const { method, path, headers, body } = request(i);
      let status = 0;
      pool.dispatch(
        { method, path, headers, body },
        {
          // Called when the request is written to a connection, so a wait for a free one
          // counts as lateness too.
          onRequestStart() {
            const lag = performance.now() - at;
            if (lag > lateMs) late += 1;
            if (lag > maxStartLagMs) maxStartLagMs = lag;
          },
          onResponseStart(_controller, statusCode) {
            status = statusCode;
          },
          onResponseData() {},
          onResponseEnd() {
            const now = performance.now();
            latency[answered] = now - at;
            answered += 1;
            lastAnswerAt = now;
            if (status < 200 || status > 299) non2xx += 1;
            settle();
          },
          onResponseError() {
            errors += 1;
            settle();
          },
        },
      );
    };
    // Timers fire on whole milliseconds: every instant that has come is started at once, so
    // at 4,000/s up to four requests leave in the same millisecond, each measured from its own
    // instant. A generator held up (GC, the OS) catches up the same way: those count as late.
    const tick = () => {
      const now = performance.now();
      while (started < total && firstAt + started * interval <= now) {
        send(started);
        started += 1;
      }
      // An instant already past is due now (Node 24 warns of a negative delay).
      if (started < total)
        setTimeout(tick, Math.max(0, firstAt + started * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, firstAt - performance.now()));
  });
  await pool.close();

  const sorted = latency.subarray(0, answered).sort();
  const elapsed = (lastAnswerAt - firstAt) / 1000;
  return {
    requests: total,
    answered,
    non2xx,
    errors,
    late,
    maxStartLagMs,
    achievedPerSecond: elapsed > 0 ? answered / elapsed : 0,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    max: percentile(sorted, 1),
    firstAt,
  };
}

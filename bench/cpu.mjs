// Where the CPU goes: each process's CPU time, from /proc (Linux), per request.
import { readdirSync, readFileSync } from 'node:fs';
import { DATABASE_URL, PROFILING } from './options.mjs';
import { children } from './processes.mjs';

// USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux this runs on.
const CLOCK_TICKS = 100;

/** CPU seconds (user + system, all threads) of a process, from /proc (Linux); 0 elsewhere. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** The database's processes: every PostgreSQL process, or the service's PGlite worker. */
function databasePids() {
  if (!DATABASE_URL) {
    const pid = children.service?.pid;
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
    } catch {
      return [];
    }
  }
  try {
    return readdirSync('/proc').filter((pid) => {
      try {
        return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false; // gone meanwhile
      }
    });
  } catch {
    return []; // no /proc
  }
}

/**
 * Where the CPU goes: service, sandbox, the database's processes (by pid), and this load
 * generator.
 */
export function cpuSnapshot() {
  const postgres = new Map(databasePids().map((pid) => [pid, cpuSeconds(pid)]));
  const own = process.cpuUsage();
  return {
    // µs of CLOCK_MONOTONIC, the clock of V8's CPU profiles.
    at: Number(process.hrtime.bigint() / 1000n),
    service: cpuSeconds(children.service?.pid),
    sandbox: cpuSeconds(children.sandbox?.pid),
    postgres,
    load: (own.user + own.system) / 1e6,
  };
}

/**
 * CPU seconds each process spent between two snapshots. PostgreSQL's are summed per process: a
 * backend or autovacuum worker that ended meanwhile drops out of `after` (its last moments are
 * lost), and one that started counts from zero, so the sum never goes negative.
 */
export function cpuSpent(before, after) {
  let postgres = 0;
  for (const [pid, seconds] of after.postgres)
    postgres += seconds - (before.postgres.get(pid) ?? 0);
  return {
    service: after.service - before.service,
    sandbox: after.sandbox - before.sandbox,
    postgres,
    load: after.load - before.load,
  };
}

/** When profiling, a run's window for `node bench/profile.mjs --window a,b`. */
export function profileWindow(before, after) {
  return PROFILING ? { 'profile window µs': `${before.at},${after.at}` } : {};
}

/** CPU milliseconds per request, by process (PostgreSQL: all its processes, or PGlite). */
export function cpuPerRequest(spent, requests) {
  return Object.fromEntries(
    Object.entries(spent).map(([k, seconds]) => [
      `cpu ms/req ${k}`,
      Number(((seconds * 1000) / Math.max(1, requests)).toFixed(2)),
    ]),
  );
}

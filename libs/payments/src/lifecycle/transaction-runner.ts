import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * The one way to open a transaction. State change, history row and any outbox row go through
 * the same `EntityManager`; side effects run after `run` resolves, i.e. after commit.
 */
@Injectable()
export class TransactionRunner {
  /** Prepared-statement names by SQL text: the hot paths' texts are few and fixed. */
  private readonly names = new Map<string, string>();
  /** What to do once each open transaction (by its manager) has committed. */
  private readonly afterCommitHooks = new WeakMap<EntityManager, (() => void)[]>();

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const hooks: (() => void)[] = [];
    // READ COMMITTED is PostgreSQL's default: no SET TRANSACTION round trip needed.
    const result = await this.dataSource.transaction((manager) => {
      this.afterCommitHooks.set(manager, hooks);
      return work(manager);
    });
    for (const hook of hooks) hook();
    return result;
  }

  /**
   * Runs `hook` once the transaction of `manager` has committed (never if it rolls back); at
   * once for a manager outside `run`, whose statements commit by themselves.
   */
  afterCommit(manager: EntityManager, hook: () => void): void {
    const hooks = this.afterCommitHooks.get(manager);
    if (hooks) hooks.push(hook);
    else hook();
  }

  /**
   * For single-statement reads: no BEGIN/COMMIT round trips. Never call it from inside `run`
   * (with the embedded database's single connection it would wait for that transaction).
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }

  /**
   * One statement on its own (atomic without BEGIN/COMMIT), as a named prepared statement (on
   * the embedded database too: see DatabaseLifecycle), so PostgreSQL parses and plans it once per connection, not on every
   * call. For the hot paths' hand-written SQL; every value must be a parameter. Same rule as
   * `read` about `run`.
   */
  async statement<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const result = await pool.query<T>({ name: this.nameOf(text), text, values });
    return result.rows;
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `hot_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      this.names.set(text, name);
    }
    return name;
  }
}

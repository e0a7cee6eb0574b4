import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way to open a transaction. State change, history row and any outbox row go through
 * the same `EntityManager`; side effects run after `run` resolves, i.e. after commit.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // READ COMMITTED is PostgreSQL's default: no SET TRANSACTION round trip needed.
    return this.dataSource.transaction(work);
  }

  /**
   * For single-statement reads: no BEGIN/COMMIT round trips. Never call it from inside `run`
   * (with the embedded database's single connection it would wait for that transaction).
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}

import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

/**
 * Rate limit per API key (RATE_LIMIT_PER_SECOND): the tracker is a digest of the presented
 * credential, so each key has its own budget and no secret is kept in the limiter's store.
 * Requests without a key share their client IP's budget.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const headers = req.headers as Record<string, string | undefined> | undefined;
    const credential = headers?.authorization;
    if (credential)
      return Promise.resolve(`key:${createHash('sha256').update(credential).digest('hex')}`);
    return Promise.resolve(`ip:${String(req.ip)}`);
  }
}

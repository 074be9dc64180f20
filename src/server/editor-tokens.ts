import { createHash, timingSafeEqual } from 'node:crypto';
import type { EditorAccess } from '../schema/context';

/**
 * Bearer tokens that allow mutations. Tokens are compared as SHA-256 digests with
 * timingSafeEqual, against every configured token without stopping early, so the time taken
 * says nothing about how close a guess was. Tokens are never logged.
 */
export class EditorTokens {
  private readonly digests: readonly Buffer[];

  constructor(tokens: readonly string[]) {
    this.digests = tokens.map(digest);
  }

  /** What a request's `Authorization` header allows. */
  check(authorization: string | undefined): EditorAccess {
    if (this.digests.length === 0) return { allowed: false, reason: 'disabled' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return { allowed: false, reason: 'missing' };
    const presented = digest(match[1]!);
    let allowed = false;
    for (const known of this.digests) allowed = timingSafeEqual(known, presented) || allowed;
    return allowed ? { allowed: true, reason: null } : { allowed: false, reason: 'invalid' };
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** One-way hashing of identifiers, so logs and storage keys never hold raw user or conversation ids. */
import { createHash } from 'node:crypto';

/**
 * SHA-256 of the parts joined by a NUL byte, in hex.
 * @param parts e.g. `[channelId, conversationId]`; the separator keeps `a`+`bc` apart from `ab`+`c`.
 */
export function hashParts(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** Short hash (16 hex chars) of an id for log lines; `salt` (LOG_ID_SALT) makes it unguessable. */
export function hashForLog(id: string, salt = ''): string {
  return hashParts(salt, id).slice(0, 16);
}

/** Comparisons of secrets whose duration does not depend on where the strings differ. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-256 of `text`, in hex: how session tokens are stored and compared. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** True when `a` equals `b`; constant time whatever the lengths (both are hashed first). */
export function equalSecrets(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

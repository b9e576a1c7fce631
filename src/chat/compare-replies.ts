/**
 * Comparing a bot's replies with a transcript's: message text and suggested-action titles
 * only (ids, timestamps, service URLs, conversation ids, typing and trace are ignored),
 * with a readable line-by-line difference.
 */
import { toNfc } from '../kernel/normalise';

/** What is compared of one bot message. */
export interface ComparableReply {
  text: string;
  buttons: string[];
}

interface ReplyLike {
  text?: string | undefined;
  suggestedActions?: { actions?: { title?: unknown }[] } | undefined;
}

/** The compared part of a reply: NFC text with unified line ends, and the button titles. */
export function toComparable(reply: ReplyLike): ComparableReply {
  return {
    text: toNfc(reply.text ?? '').replace(/\r\n?/g, '\n'),
    buttons: (reply.suggestedActions?.actions ?? []).map((action) => toNfc(String(action.title ?? ''))),
  };
}

/** Lines that differ between `expected` and `actual`, as `- expected` / `+ actual` pairs. */
export function diffLines(expected: string, actual: string): string[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] === b[i]) continue;
    if (a[i] !== undefined) out.push(`    - expected: ${JSON.stringify(a[i])}`);
    if (b[i] !== undefined) out.push(`    + actual:   ${JSON.stringify(b[i])}`);
  }
  return out;
}

/** Differences between one expected and one actual reply (empty when they match). */
export function compareReply(expected: ComparableReply, actual: ComparableReply): string[] {
  const out: string[] = [];
  if (expected.text !== actual.text) out.push('  text differs:', ...diffLines(expected.text, actual.text));
  if (expected.buttons.join('\u0000') !== actual.buttons.join('\u0000')) {
    out.push('  suggested actions differ:', `    - expected: ${JSON.stringify(expected.buttons)}`, `    + actual:   ${JSON.stringify(actual.buttons)}`);
  }
  return out;
}

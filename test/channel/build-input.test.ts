/**
 * Which texts the channel scans as a possible job offer: every text at least `min_chars` long
 * (dialogs/scanner/ad-cues.yaml, the one place that says it), so a short recruiter message
 * pasted without being asked is read as the ad it is; partial evidence of danger reaches the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildMessageInput } from '../../src/channel/build-input';
import { buildRuntime } from '../../src/script/load-runtime';
import type { InboundActivity } from '../../src/channel/types';
import { loadContentOrThrow } from '../engine/load-fixture';

const ROOT = join(import.meta.dirname, '..', '..');
const runtime = buildRuntime(ROOT, loadContentOrThrow(ROOT));
const minChars = (parse(readFileSync(join(ROOT, 'dialogs', 'scanner', 'ad-cues.yaml'), 'utf8')) as { min_chars: number }).min_chars;
const message = (text: string): InboundActivity => ({ type: 'message', text, channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' } }) as InboundActivity;

describe('buildMessageInput', () => {
  it('scans from the min_chars of ad-cues.yaml, not from a length of its own', () => {
    expect(runtime.scanner.minChars).toBe(minChars);
    // 96 characters: a recruiter's message, shorter than the old 120-character floor.
    const ad = 'Tuyển gấp NV sang Campuchia, lương 2000$/tháng, không cần kinh nghiệm, bao ăn ở. Lh Telegram.';
    expect(ad.length).toBeGreaterThanOrEqual(minChars);
    expect(ad.length).toBeLessThan(120);
    const { input } = buildMessageInput(message(ad), runtime, 'vi', undefined);
    expect(input.type === 'text' && input.scan?.looksLikeAd).toBe(true);
    const short = buildMessageInput(message('việc ở Campuchia có an toàn không?'), runtime, 'vi', undefined);
    expect(short.input.type === 'text' && short.input.scan).toBeUndefined();
  });

  it('passes partial evidence of danger on as a safety question, clear danger as danger', () => {
    const fear = buildMessageInput(message('hlep'), runtime, 'en', undefined).input;
    expect(fear, 'hlep').toMatchObject({ type: 'text', possibleDanger: true });
    const clear = buildMessageInput(message('they took my passport and lock us in'), runtime, 'en', undefined).input;
    expect(clear).toMatchObject({ type: 'text', intent: 'danger' });
    expect(clear.type === 'text' && clear.possibleDanger).toBeFalsy();
  });
});

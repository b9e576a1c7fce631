/**
 * Plays every scripted conversation of test/conversations/*.yaml (docs/conversation-tests.md)
 * against the engine and the shipped content, in every language the file lists, with the
 * real recogniser and scanner and the channel's own input building.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessageInput } from '../../src/channel/build-input';
import type { InboundActivity } from '../../src/channel/types';

import { languagesOf, playConversation, readConversation, type RunnerDeps } from '../engine/conversation-runner';
import { loadContentOrThrow } from '../engine/load-fixture';
import { loadRecogniser, loadScanner } from '../../src/script/load-language';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = import.meta.dirname;
const content = loadContentOrThrow(ROOT);
const recogniser = loadRecogniser(join(ROOT, 'dialogs', 'intents'));
const scanner = loadScanner(join(ROOT, 'dialogs', 'scanner'));

const deps: RunnerDeps = {
  content,
  recogniser,
  loadContentAt: loadContentOrThrow,
  buildTextInput: (text, userLang, state, current) => {
    const activity = { type: 'message', channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' }, text } as InboundActivity;
    return buildMessageInput(activity, { content: current, recogniser, scanner }, userLang, state).input;
  },
};

describe('scripted conversations', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
  it('there are conversation files to play', () => expect(files.length).toBeGreaterThan(0));
  for (const name of files) {
    const file = readConversation(join(DIR, name));
    for (const lang of languagesOf(file)) {
      it(`${name}: ${file.name} [${lang}]`, () => {
        const failure = playConversation(file, lang, deps);
        if (failure) throw new Error(failure);
      });
    }
  }
});

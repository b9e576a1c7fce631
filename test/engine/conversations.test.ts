/**
 * The engine's own scripted conversations (test/engine/fixtures/conversations/) against the
 * fixture content, with the real recogniser: every rule of the script format.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { loadContent } from '../../src/script/load-content';
import { languagesOf, playConversation, readConversation, type RunnerDeps } from './conversation-runner';
import { loadContentOrThrow } from './load-fixture';
import { loadRecogniser } from '../../src/script/load-language';

const dir = join(import.meta.dirname, 'fixtures', 'conversations');
const deps: RunnerDeps = {
  content: loadContentOrThrow(join(import.meta.dirname, 'fixtures', 'content')),
  recogniser: loadRecogniser(join(import.meta.dirname, '..', '..', 'dialogs', 'intents')),
  loadContentAt: loadContentOrThrow,
};

describe('engine conversations', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  it('has the fixture conversations', () => expect(files.length).toBeGreaterThanOrEqual(3));
  for (const name of files) {
    const file = readConversation(join(dir, name));
    for (const lang of languagesOf(file)) {
      it(`${file.name} [${lang}]`, () => {
        const failure = playConversation(file, lang, deps);
        if (failure) throw new Error(failure);
      });
    }
  }
  it('the edited content really differs (the stale-state turn depends on it)', () => {
    const a = loadContent(join(import.meta.dirname, 'fixtures', 'content')).content;
    const b = loadContent(join(import.meta.dirname, 'fixtures', 'content-edited')).content;
    expect(a?.version).not.toBe(b?.version);
    expect(b?.dialogs['check-offer']?.steps['ask_visa']).toBeUndefined();
  });
});

import { defineConfig } from 'vitest/config';

/**
 * `npm run test:content`: what a campaign manager runs before publishing a content change
 * (after `npm run validate`): the crawler over every dialog, the scripted conversations and
 * the Emulator transcripts. In-process only: no Redis, no browser, no build.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    include: [
      'test/conversations/crawl-dialogs.test.ts',
      'test/conversations/run-conversations.test.ts',
      'test/transcripts/replay-transcripts.test.ts',
    ],
  },
});

/**
 * A test bot on the small platform fixture content plus a fake channel, started before the
 * tests of a file and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { startTestBot, type TestBot } from './start-test-bot';

export interface FixtureBot {
  bot: TestBot;
  channel: FakeChannel;
}

/** Registers beforeAll/afterAll hooks; read `bot` and `channel` from the returned object inside tests. */
export function useFixtureBot(): FixtureBot {
  const handle = {} as FixtureBot;
  beforeAll(async () => {
    handle.channel = await startFakeChannel();
    handle.bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture });
  });
  afterAll(async () => {
    await handle.bot?.close();
    await handle.channel?.close();
  });
  return handle;
}

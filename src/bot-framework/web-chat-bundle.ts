/** Where the browser bundle of Microsoft Web Chat (botframework-webchat) is installed. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Path of `webchat.js` in node_modules.
 * @throws when botframework-webchat is not installed (a production install without dev tools).
 */
export function findWebChatBundle(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(entry), '..', 'dist', 'webchat.js');
}

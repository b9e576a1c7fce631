/** serviceUrl checks stay the same when a URL comes again (they are remembered) and after a flood of new ones. */
import { describe, expect, it } from 'vitest';
import { sanitiseActivity } from '../../src/server/sanitise-activity';

const message = (serviceUrl: unknown) => ({ type: 'message', channelId: 'webchat', conversation: { id: 'c' }, from: { id: 'u' }, serviceUrl, text: 'hi' });
const reasonOf = (serviceUrl: unknown, loopbackServiceUrl = true) => {
  const result = sanitiseActivity(message(serviceUrl), { loopbackServiceUrl });
  return result.ok ? 'ok' : result.reason;
};

describe('serviceUrl checks', () => {
  it('give the same answer every time a URL is seen, in local and cloud mode, before and after 1000 other URLs', () => {
    const cases: [unknown, string, string][] = [
      ['http://127.0.0.1:3978', 'ok', 'ok'],
      ['https://smba.trafficmanager.net/apac/', 'foreign_service_url', 'ok'],
      ['not a url', 'no_service_url', 'no_service_url'],
      ['file:///etc/passwd', 'no_service_url', 'no_service_url'],
      ['', 'no_service_url', 'no_service_url'],
      [42, 'no_service_url', 'no_service_url'],
    ];
    const check = () => {
      for (const [url, local, cloud] of cases) {
        expect(reasonOf(url), String(url)).toBe(local);
        expect(reasonOf(url, false), String(url)).toBe(cloud);
      }
    };
    check();
    check();
    for (let i = 0; i < 1000; i++) expect(reasonOf(`http://10.0.${i >> 8}.${i & 255}/`)).toBe('foreign_service_url');
    check();
  });
});

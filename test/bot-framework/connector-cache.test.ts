import { describe, expect, it } from 'vitest';
import type { BotFrameworkAuthentication, ClaimsIdentity, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { botbuilder, connector } from '../../src/bot-framework/sdk';
import { withCachedClients } from '../../src/bot-framework/connector-cache';

const anonymous = () => new connector.ClaimsIdentity([], 'anonymous');
/** The endpoint a client posts to (a protected field of botbuilder's client). */
const baseUriOf = (client: ConnectorClient) => (client as unknown as { baseUri: string }).baseUri;
const botClaims = (appId: string) => new connector.ClaimsIdentity([{ type: 'appid', value: appId }, { type: 'ver', value: '1.0' }], true);

describe('withCachedClients', () => {
  it('gives every turn to the same channel endpoint the same connector client, and another endpoint its own', async () => {
    const auth = withCachedClients(new botbuilder.ConfigurationBotFrameworkAuthentication({}));
    const first = await auth.createConnectorFactory(anonymous()).create('http://127.0.0.1:3978/', undefined);
    const again = await auth.createConnectorFactory(anonymous()).create('http://127.0.0.1:3978/', undefined);
    const other = await auth.createConnectorFactory(anonymous()).create('http://127.0.0.1:3979/', undefined);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(baseUriOf(first)).toBe('http://127.0.0.1:3978/');
    expect(baseUriOf(other)).toBe('http://127.0.0.1:3979/');
  });

  it('keeps the clients of different bot app ids and audiences apart', async () => {
    const auth = withCachedClients(new botbuilder.ConfigurationBotFrameworkAuthentication({}));
    const url = 'http://127.0.0.1:3978/';
    const a = await auth.createConnectorFactory(botClaims('app-a')).create(url, 'aud-1');
    expect(await auth.createConnectorFactory(botClaims('app-a')).create(url, 'aud-1')).toBe(a);
    expect(await auth.createConnectorFactory(botClaims('app-b')).create(url, 'aud-1')).not.toBe(a);
    expect(await auth.createConnectorFactory(botClaims('app-a')).create(url, 'aud-2')).not.toBe(a);
  });

  it('reuses one user-token client per app id', async () => {
    const auth = withCachedClients(new botbuilder.ConfigurationBotFrameworkAuthentication({}));
    const first = await auth.createUserTokenClient(anonymous());
    expect(await auth.createUserTokenClient(anonymous())).toBe(first);
  });

  it('does not keep a client whose creation failed: the next turn tries again', async () => {
    let calls = 0;
    const inner = {
      createConnectorFactory: (): ConnectorFactory => ({
        create: async () => {
          calls += 1;
          if (calls === 1) throw new Error('credentials unavailable');
          return { baseUri: 'ok', sendOperationRequest: async () => ({}) } as unknown as ConnectorClient;
        },
      }),
      authenticateRequest: async () => { throw new Error('unused'); },
      createUserTokenClient: async () => { throw new Error('unused'); },
    } as unknown as BotFrameworkAuthentication;
    const auth = withCachedClients(inner);
    const claims: ClaimsIdentity = anonymous();
    await expect(auth.createConnectorFactory(claims).create('http://127.0.0.1:1/')).rejects.toThrow('credentials unavailable');
    const client = await auth.createConnectorFactory(claims).create('http://127.0.0.1:1/');
    expect(baseUriOf(client)).toBe('ok');
    expect(await auth.createConnectorFactory(claims).create('http://127.0.0.1:1/')).toBe(client);
    expect(calls).toBe(2);
  });
});

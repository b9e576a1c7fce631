import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { botbuilder, connector } from '../../src/bot-framework/sdk';
import { withPlainJsonOperations } from '../../src/bot-framework/plain-json-operations';

interface Received {
  method: string;
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/** A channel connector on 127.0.0.1 that records each request and answers like the real one. */
let server: Server;
let serviceUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method ?? '', path: request.url ?? '', contentType: request.headers['content-type'], body: text ? JSON.parse(text) : undefined });
      if (request.url?.includes('refuse')) {
        response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'not a member' } }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const anonymous = () => new connector.ClaimsIdentity([], 'anonymous');
const newClient = () => new botbuilder.ConfigurationBotFrameworkAuthentication({}).createConnectorFactory(anonymous()).create(serviceUrl, undefined);

/** Sends `activity` through `client` and returns what the connector received and what the call resolved to. */
async function exchange(client: ConnectorClient, activity: Partial<Activity>, replyTo?: string) {
  received.length = 0;
  const result = replyTo
    ? await client.conversations.replyToActivity('conversation 1', replyTo, activity as Activity)
    : await client.conversations.sendToConversation('conversation 1', activity as Activity);
  expect(received).toHaveLength(1);
  return { request: received[0], id: result.id };
}

/** Activities shaped as this bot sends them: text, markdown, buttons, cards, hand-off events. */
const ACTIVITIES: Partial<Activity>[] = [
  {
    type: 'message',
    text: '**Dấu hiệu cảnh báo**\n\n- Lương cao, việc nhẹ\n- Giữ hộ chiếu',
    textFormat: 'markdown',
    locale: 'vi',
    suggestedActions: { actions: [{ type: 'imBack', title: 'Có', value: 'Có' }, { type: 'imBack', title: 'Không', value: 'Không' }], to: ['user-1'] },
    from: { id: 'bot-1', name: 'ThinkFirst', role: 'bot' },
    recipient: { id: 'user-1', name: 'User', role: 'user' },
    conversation: { id: 'conversation 1', isGroup: false, conversationType: 'personal', name: '' },
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1/',
    replyToId: 'activity-7',
    timestamp: new Date('2026-12-04T10:00:00.123Z'),
    localTimestamp: new Date('2026-12-04T17:00:00.000Z'),
    inputHint: 'expectingInput',
  } as Partial<Activity>,
  {
    type: 'message',
    text: 'Are you in danger right now?',
    textFormat: 'plain',
    attachmentLayout: 'list',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Yes / No', wrap: true }], actions: [{ type: 'Action.Submit', title: 'Yes', data: { msteams: { type: 'imBack', value: 'Yes' } } }] },
      },
    ],
    channelData: { notification: { alert: true }, nested: { list: [1, null, 'two'] } },
    entities: [{ type: 'clientInfo' }],
    deliveryMode: 'normal',
    from: { id: 'bot-1' } as Activity['from'],
    conversation: { id: 'conversation 1' } as Activity['conversation'],
  },
  { type: 'typing', from: { id: 'bot-1' }, recipient: { id: 'user-1' } } as Partial<Activity>,
  { type: 'event', name: 'handoff.initiate', value: { reason: 'asked for a counsellor', lang: 'fr' }, text: 'Un conseiller arrive.' } as Partial<Activity>,
  { type: 'message', text: 'null fields', speak: null, summary: undefined } as unknown as Partial<Activity>,
];

describe('withPlainJsonOperations', () => {
  it('posts the same JSON body, to the same path, as the SDK serialiser, and resolves to the same answer', async () => {
    const mapped = await newClient();
    const plain = withPlainJsonOperations(await newClient());
    for (const activity of ACTIVITIES) {
      for (const replyTo of [undefined, 'activity 7']) {
        const before = await exchange(mapped, structuredClone(activity), replyTo);
        const after = await exchange(plain, structuredClone(activity), replyTo);
        expect(after.request).toEqual(before.request);
        expect(after.id).toBe(before.id);
      }
    }
  });

  it('keeps the fields of an entity that the SDK mapper would drop (the Activity schema allows them)', async () => {
    const plain = withPlainJsonOperations(await newClient());
    const { request } = await exchange(plain, { type: 'message', text: 'x', entities: [{ type: 'clientInfo', locale: 'en-US' }] });
    expect(request?.body).toMatchObject({ entities: [{ type: 'clientInfo', locale: 'en-US' }] });
  });

  it('still refuses a missing activity, as the SDK does', async () => {
    const plain = withPlainJsonOperations(await newClient());
    await expect(plain.conversations.sendToConversation('conversation 1', undefined as unknown as Activity)).rejects.toThrow(/activity/i);
  });

  it('still rejects with the status and the error body when the connector refuses', async () => {
    const plain = withPlainJsonOperations(await newClient());
    const refusal = await plain.conversations.sendToConversation('refuse', { type: 'message', text: 'x' } as Activity).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ statusCode: 403 });
    expect(String((refusal as Error).message)).toContain('not a member');
  });
});

/** Small HTTP helpers for tests: post an activity (or any raw body) and build valid activities. */

export interface HttpResult {
  status: number;
  text: string;
  json(): unknown;
}

/** POSTs `body` (an object is sent as JSON; a string as is) to `url`. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as unknown };
}

let sequence = 0;

/** A message activity the way the Bot Framework Emulator posts it. */
export function buildMessage(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}-${Date.now()}`,
    channelId: 'emulator',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: 'user-1', name: 'User', role: 'user' },
    recipient: { id: 'bot-1', name: 'Bot', role: 'bot' },
    conversation: { id: 'conversation-1' },
    text: 'hello',
    ...overrides,
  };
}

/** A conversationUpdate announcing that the user (and the bot) joined. */
export function buildJoin(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return buildMessage(serviceUrl, {
    type: 'conversationUpdate',
    text: undefined,
    membersAdded: [{ id: 'bot-1', name: 'Bot' }, { id: 'user-1', name: 'User' }],
    ...overrides,
  });
}

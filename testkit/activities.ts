/** Builds the Bot Framework activities a channel would post to the bot, for load and fault tests. */
import { randomUUID } from 'node:crypto';

/** What a simulated user sends: free text, or a tap on a suggested action (`choice` payload). */
export type UserInput = { text: string } | { choice: string; text?: string } | { join: true };

/** One inbound activity for conversation `conversationId`, replies going to `serviceUrl`. */
export function buildActivity(serviceUrl: string, conversationId: string, input: UserInput, locale = 'en-US', id: string = randomUUID()): Record<string, unknown> {
  const base = {
    id,
    channelId: 'webchat',
    serviceUrl,
    locale,
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: 'User' },
    recipient: { id: 'bot', name: 'ThinkFirst' },
  };
  if ('join' in input) return { ...base, type: 'conversationUpdate', membersAdded: [{ id: `user-${conversationId}` }] };
  if ('choice' in input) return { ...base, type: 'message', text: input.text ?? input.choice, value: { choice: input.choice } };
  return { ...base, type: 'message', text: input.text };
}

/** POSTs `activity` to the bot; resolves with the status and the round-trip time in ms. */
export async function postActivity(messagesUrl: string, activity: Record<string, unknown>, timeoutMs = 15_000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

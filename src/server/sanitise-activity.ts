/**
 * First gate of /api/messages: checks the shape of the posted activity and keeps only
 * the fields the bot uses, so no client body can reach botbuilder in a form that crashes it
 * (botbuilder 4.23.3 throws outside its error handling for `{}` or `{"type":5}`).
 */
import { isLoopbackUrl } from './local-mode-guard';

/** Why a body was refused (logged; never sent to the client). */
export type RejectReason =
  | 'not_object' | 'no_type' | 'no_channel' | 'no_conversation' | 'no_from' | 'no_service_url' | 'foreign_service_url' | 'bad_field';

export type SanitiseResult = { ok: true; activity: Record<string, unknown> } | { ok: false; reason: RejectReason };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 2_048;

/** Keeps the string fields of a channel account / conversation (`id` required). */
function pickAccount(value: unknown, fields: readonly string[]): Json | undefined {
  if (!isObject(value) || !isNonEmptyString(value.id)) return undefined;
  const account: Json = { id: value.id };
  for (const field of fields) {
    const v = value[field];
    if (typeof v === 'string' || typeof v === 'boolean') account[field] = v;
  }
  return account;
}

const ACCOUNT_FIELDS = ['name', 'role', 'aadObjectId'] as const;
const CONVERSATION_FIELDS = ['isGroup', 'conversationType', 'tenantId', 'name'] as const;
/** Copied when present (timestamps are dropped: botbuilder would turn them into Dates, the bot never reads them). */
const OPTIONAL_STRINGS = ['id', 'text', 'locale', 'deliveryMode', 'replyToId', 'textFormat', 'name'] as const;

/** True for an http(s) URL. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What a serviceUrl is: an http(s) URL, and a loopback one. */
interface ServiceUrlFacts {
  http: boolean;
  loopback: boolean;
}

/** serviceUrls seen lately (a channel posts from a few), each parsed once; emptied when full, so a flood of new ones stays bounded. */
const seenServiceUrls = new Map<string, ServiceUrlFacts>();
const MAX_SEEN_SERVICE_URLS = 256;

/** The facts of a serviceUrl of at most 2,048 characters, parsed once while it is remembered. */
function serviceUrlFacts(value: string): ServiceUrlFacts {
  let facts = seenServiceUrls.get(value);
  if (!facts) {
    facts = { http: isHttpUrl(value), loopback: isLoopbackUrl(value) };
    if (seenServiceUrls.size >= MAX_SEEN_SERVICE_URLS) seenServiceUrls.clear();
    seenServiceUrls.set(value, facts);
  }
  return facts;
}

/** Options of {@link sanitiseActivity}. */
export interface SanitiseOptions {
  /** Local mode: accept only a loopback `serviceUrl` (the bot posts its replies there). */
  loopbackServiceUrl?: boolean;
}

/**
 * Validates `body` and returns a clean copy with only known, well-typed fields.
 * Required: `type`, `channelId`, `conversation.id`, `from.id`, `serviceUrl` (http/https).
 */
export function sanitiseActivity(body: unknown, options: SanitiseOptions = {}): SanitiseResult {
  if (!isObject(body)) return { ok: false, reason: 'not_object' };
  if (!isNonEmptyString(body.type)) return { ok: false, reason: 'no_type' };
  if (!isNonEmptyString(body.channelId)) return { ok: false, reason: 'no_channel' };
  const conversation = pickAccount(body.conversation, CONVERSATION_FIELDS);
  if (!conversation) return { ok: false, reason: 'no_conversation' };
  const from = pickAccount(body.from, ACCOUNT_FIELDS);
  if (!from) return { ok: false, reason: 'no_from' };
  const serviceUrl = isNonEmptyString(body.serviceUrl) ? serviceUrlFacts(body.serviceUrl) : undefined;
  if (!serviceUrl?.http) return { ok: false, reason: 'no_service_url' };
  if (options.loopbackServiceUrl && !serviceUrl.loopback) return { ok: false, reason: 'foreign_service_url' };

  const activity: Json = { type: body.type, channelId: body.channelId, serviceUrl: body.serviceUrl, conversation, from };
  for (const field of OPTIONAL_STRINGS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { ok: false, reason: 'bad_field' };
    activity[field] = value;
  }
  if (body.recipient !== undefined) {
    const recipient = pickAccount(body.recipient, ACCOUNT_FIELDS);
    if (!recipient) return { ok: false, reason: 'bad_field' };
    activity.recipient = recipient;
  }
  for (const list of ['membersAdded', 'membersRemoved'] as const) {
    const value = body[list];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) return { ok: false, reason: 'bad_field' };
    const members = value.map((member) => pickAccount(member, ACCOUNT_FIELDS));
    if (members.some((member) => member === undefined)) return { ok: false, reason: 'bad_field' };
    activity[list] = members;
  }
  if (body.value !== undefined) activity.value = body.value;
  if (isObject(body.channelData)) activity.channelData = body.channelData;
  return { ok: true, activity };
}

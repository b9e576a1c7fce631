/**
 * The shape checks of stored items (hand-written, run on every read): what this version writes
 * passes, fields of other versions are kept, and each wrong field makes the item invalid.
 */
import { describe, expect, it } from 'vitest';
import { checkConversationItem, checkUserItem } from '../../src/channel/stored-state';
import { UNREADABLE_ITEM } from '../../src/storage/etag';

const frame = { dialog: 'menu', step: 'ask', retries: 0, vars: { a: 'x', b: 2, c: true }, resume: 'reask' };
const conversation = { engine: { contentVersion: 'v1', stack: [frame], scan: { risk: 'high', flags: ['fee'] } }, ab: { welcome: { variant: 'b', converted: true } }, eTag: 'e1' };
const user = { lang: 'fr', langAssumed: true, conversations: ['conv/1'], eTag: 'e2' };

/** `base` with the value at `path` replaced (undefined: the field removed). */
function withField(base: object, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

describe('stored conversation items', () => {
  it('accepts what the bot writes, minimal items and fields of other versions', () => {
    expect(checkConversationItem(conversation).state).toEqual(conversation.engine);
    expect(checkConversationItem(conversation).assignments).toEqual(conversation.ab);
    expect(checkConversationItem({ engine: { contentVersion: '', stack: [] } }).invalid).toBeUndefined();
    expect(checkConversationItem(withField(conversation, ['future'], { any: 1 })).invalid).toBeUndefined();
    expect(checkConversationItem(withField(conversation, ['engine', 'stack', 0, 'extra'], [1])).invalid).toBeUndefined();
    expect(checkConversationItem(undefined)).toEqual({ item: undefined, state: undefined, assignments: undefined, eTag: undefined });
  });

  it.each([
    ['no engine', ['engine'], undefined],
    ['an engine that is an array', ['engine'], []],
    ['a number as content version', ['engine', 'contentVersion'], 3],
    ['a stack that is an object', ['engine', 'stack'], { 0: frame }],
    ['an empty dialog name', ['engine', 'stack', 0, 'dialog'], ''],
    ['no step', ['engine', 'stack', 0, 'step'], undefined],
    ['negative retries', ['engine', 'stack', 0, 'retries'], -1],
    ['fractional retries', ['engine', 'stack', 0, 'retries'], 1.5],
    ['retries as text', ['engine', 'stack', 0, 'retries'], '1'],
    ['vars as an array', ['engine', 'stack', 0, 'vars'], ['x']],
    ['a nested var', ['engine', 'stack', 0, 'vars', 'a'], { x: 1 }],
    ['a null var', ['engine', 'stack', 0, 'vars', 'a'], null],
    ['an unknown resume', ['engine', 'stack', 0, 'resume'], 'later'],
    ['an unknown risk', ['engine', 'scan', 'risk'], 'extreme'],
    ['flags that are not text', ['engine', 'scan', 'flags'], [1]],
    ['a null scan', ['engine', 'scan'], null],
    ['an assignment without variant', ['ab', 'welcome', 'variant'], undefined],
    ['converted as text', ['ab', 'welcome', 'converted'], 'yes'],
    ['a numeric eTag', ['eTag'], 5],
  ] as const)('rejects %s, keeping the eTag read', (_name, path, value) => {
    const checked = checkConversationItem(withField(conversation, [...path], value));
    expect(checked.invalid?.part).toBe('conversation');
    expect(checked).toMatchObject({ item: undefined, state: undefined, assignments: undefined });
    expect(checked.eTag).toBe(path[0] === 'eTag' ? undefined : 'e1');
  });

  it('rejects an item whose stored bytes were not JSON', () => {
    expect(checkConversationItem({ [UNREADABLE_ITEM]: true, eTag: 'e' }).invalid?.part).toBe('conversation');
  });
});

describe('stored user items', () => {
  it('accepts what the bot writes, an empty item and fields of other versions', () => {
    expect(checkUserItem(user).item).toBe(user);
    expect(checkUserItem({}).invalid).toBeUndefined();
    expect(checkUserItem({ ...user, future: [1] }).invalid).toBeUndefined();
  });

  it.each([
    ['an unknown language', { lang: 'de' }],
    ['a numeric language', { lang: 42 }],
    ['langAssumed as text', { langAssumed: 'true' }],
    ['conversations as text', { conversations: 'conv/1' }],
    ['a conversation that is not text', { conversations: [1] }],
    ['bytes that were not JSON', { [UNREADABLE_ITEM]: true }],
  ])('rejects %s', (_name, fields) => {
    const checked = checkUserItem({ ...user, ...fields });
    expect(checked.invalid?.part).toBe('user');
    expect(checked).toMatchObject({ item: undefined, eTag: 'e2' });
  });
});

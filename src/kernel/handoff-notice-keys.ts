/**
 * Texts the hand-off code says itself (not a dialog step): the `notices` of
 * locales/<lng>/handoff.json. `npm run validate` checks them like dialog texts
 * (present in every language, same variables, labels of 20 characters at most).
 */

/** The consent dialog (dialogs/handoff.yaml), whose namespace holds the notices. */
export const HANDOFF_DIALOG = 'handoff';

/** Notices said as messages. */
export const NOTICE_TEXT_KEYS = {
  waiting: 'handoff:notices.waiting',
  closedHours: 'handoff:notices.closed_hours',
  waitTimeout: 'handoff:notices.wait_timeout',
  stillWaiting: 'handoff:notices.still_waiting',
  danger: 'handoff:notices.danger',
  endedByUser: 'handoff:notices.ended_by_user',
  endedByCounsellor: 'handoff:notices.ended_by_counsellor',
  failed: 'handoff:notices.failed',
} as const;

/** Button labels offered while waiting (payloads are the ids). */
export const NOTICE_CHOICES = {
  keep_waiting: 'handoff:notices.choices.keep_waiting',
  back_to_bot: 'handoff:notices.choices.back_to_bot',
} as const;

/** Id of the choice that offers the hand-off in menus (dialogs/menu.yaml, dialogs/danger.yaml). */
export const OFFER_CHOICE_ID = 'talk_to_human';

/** Text variable: days hand-off messages are kept after the end (STATE_TTL_DAYS). */
export const RETENTION_VARIABLE = 'retention_days';

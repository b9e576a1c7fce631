/**
 * HANDOFF_HOURS: when counsellors answer, as a weekly schedule with a time zone, e.g.
 * `Mon-Fri 08:00-17:30, Sat 09:00-12:00; Asia/Ho_Chi_Minh`. Empty: always open.
 * Days: Mon Tue Wed Thu Fri Sat Sun, a range (`Mon-Fri`, `Sat-Sun`) or `Daily`; times HH:MM
 * (24 h, end may be 24:00); the time zone after `;` is an IANA name (default UTC).
 */

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** One opening window: days of the week (0 = Sunday) and minutes since midnight [start, end). */
interface Window {
  days: Set<number>;
  start: number;
  end: number;
}

/** A parsed schedule. */
export interface Schedule {
  /** True when counsellors answer at `date`. */
  isOpen(date: Date): boolean;
  /** True when no hours were set (always open). */
  alwaysOpen: boolean;
}

const EXAMPLE = "e.g. 'Mon-Fri 08:00-17:30, Sat 09:00-12:00; Asia/Ho_Chi_Minh'";

function parseDay(text: string): number {
  const index = DAYS.indexOf(text.slice(0, 3).toLowerCase() as (typeof DAYS)[number]);
  if (index < 0 || text.length < 3) throw new Error(`unknown day '${text}' (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
  return index;
}

function parseDays(text: string): Set<number> {
  if (/^(daily|every ?day)$/i.test(text)) return new Set([0, 1, 2, 3, 4, 5, 6]);
  const [from, to] = text.split('-');
  const start = parseDay(from ?? '');
  const end = to === undefined ? start : parseDay(to);
  const days = new Set<number>();
  for (let d = start; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === end) break;
  }
  return days;
}

function parseTime(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) throw new Error(`'${text}' is not a time (use HH:MM, 00:00 to 24:00)`);
  return minutes;
}

/**
 * Parses a HANDOFF_HOURS value.
 * @throws saying which part is wrong and showing an example.
 */
export function parseSchedule(value: string): Schedule {
  if (value.trim() === '') return { isOpen: () => true, alwaysOpen: true };
  const [rulesText = '', zoneText, ...rest] = value.split(';');
  if (rest.length > 0) throw new Error(`only one ';' (before the time zone) is allowed, ${EXAMPLE}`);
  const timeZone = zoneText?.trim() || 'UTC';
  let weekday: Intl.DateTimeFormat;
  try {
    weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    throw new Error(`unknown time zone '${timeZone}' (use an IANA name such as Asia/Ho_Chi_Minh or Europe/Paris)`);
  }
  const windows: Window[] = rulesText.split(',').map((rule) => {
    const match = /^\s*(\S+)\s+(\S+)-(\S+)\s*$/.exec(rule);
    if (!match) throw new Error(`'${rule.trim()}' is not 'DAYS HH:MM-HH:MM', ${EXAMPLE}`);
    const window = { days: parseDays(match[1]!), start: parseTime(match[2]!), end: parseTime(match[3]!) };
    if (window.end <= window.start) throw new Error(`'${rule.trim()}' ends before it starts; split a night shift in two, e.g. 'Mon 22:00-24:00, Tue 00:00-06:00'`);
    return window;
  });
  return {
    alwaysOpen: false,
    isOpen(date) {
      const parts = Object.fromEntries(weekday.formatToParts(date).map((p) => [p.type, p.value]));
      const day = parseDay(parts.weekday ?? '');
      const minutes = Number(parts.hour) * 60 + Number(parts.minute);
      return windows.some((w) => w.days.has(day) && minutes >= w.start && minutes < w.end);
    },
  };
}

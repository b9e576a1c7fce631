/**
 * The persona table of the offer check (issue 12): for each realistic person, the answers
 * they would give to the twelve questions and the level the bot must give, played on the
 * real engine with the shipped content. Each row says why, from the sources in
 * dialogs/SOURCES.md ("check-offer"):
 * - ILO employer-pays principle: employers, not workers, pay recruitment costs, so paid
 *   travel and an arranged work visa are normal from a licensed, verifiable employer.
 * - Law 69/2020/QH14 art. 23: a licensed company may charge a service fee, after the contract
 *   is signed, in general at most one month's salary per 12 months of work; art. 7 forbids
 *   brokerage fees and unlicensed sending of workers.
 * - Viet Nam MOFA: go only through a licensed company with a signed contract; beware of
 *   "easy work, high pay" (R1, R2, R3).
 * - Border route through Thailand into Myanmar or Cambodia (R7), visitor entry for work
 *   (R5), money to an online recruiter (R10, HCMC police), secrecy (R9), referrals (R14).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { advance } from '../../src/engine/advance';
import type { Content, ConversationState, EngineInput } from '../../src/engine/types';
import { loadContent } from '../../src/script/load-content';

type YesNo = 'yes' | 'no' | 'unsure';
interface Answers {
  salary: YesNo; experience: YesNo; destination: YesNo; route: YesNo; visa: YesNo; travel: YesNo;
  licensed: YesNo; contract: YesNo; chat: YesNo; fees: 'none' | 'licensed' | 'person' | 'unsure';
  secret: YesNo; referral: YesNo;
}
type Level = 'low' | 'medium' | 'high';

/** A clean, licensed offer: every answer the safe one. Personas change what differs. */
const CLEAN: Answers = {
  salary: 'no', experience: 'no', destination: 'no', route: 'no', visa: 'no', travel: 'no',
  licensed: 'yes', contract: 'yes', chat: 'no', fees: 'none', secret: 'no', referral: 'no',
};

const PERSONAS: { who: string; answers: Partial<Answers>; level: Level; why: string }[] = [
  { who: 'factory job in Japan through a licensed company, no fee', answers: {}, level: 'low',
    why: 'licensed, contract signed before leaving (MOFA): no sign' },
  { who: 'licensed company, employer pays flight and work visa', answers: { travel: 'yes' }, level: 'low',
    why: 'employer-pays principle (ILO): paid travel alone is not a sign' },
  { who: 'licensed company charges its service fee, employer pays the flight', answers: { travel: 'yes', fees: 'licensed' }, level: 'low',
    why: 'a capped service fee to a licensed company after signing is lawful (Law 69/2020 art. 23)' },
  { who: 'paid travel, but the company cannot be found on the official list', answers: { travel: 'yes', licensed: 'unsure' }, level: 'medium',
    why: 'paid travel from an unverified recruiter: check before deciding (MOFA, R3, R4)' },
  { who: 'office job directly in Cambodia, high pay, no experience, no contract, Telegram only', answers: { destination: 'yes', salary: 'yes', experience: 'yes', contract: 'no', chat: 'yes' }, level: 'high',
    why: 'scam-compound destination with R1, R2, R3, R6 (the case the issue found rated medium)' },
  { who: 'casino "customer service" job in Myanmar, recruiter pays the ticket', answers: { destination: 'yes', travel: 'yes' }, level: 'high',
    why: 'paid travel together with a destination of concern (R4 + R7)' },
  { who: 'job in a special economic zone in Laos found on Facebook, no contract yet', answers: { destination: 'yes', chat: 'yes', contract: 'no' }, level: 'high',
    why: 'destination of concern with online-only contact and no contract (R7, R6, R3)' },
  { who: 'a job in Laos, otherwise a licensed offer with a contract', answers: { destination: 'yes' }, level: 'medium',
    why: 'one sign of concern alone: check the exact workplace before going (R7)' },
  { who: 'work "in Thailand": fly to Bangkok, then a car to an office near the border', answers: { route: 'yes' }, level: 'high',
    why: 'the Bangkok-then-road route into Myanmar or Cambodia (R7, India MEA, Thai MFA)' },
  { who: 'told to enter Thailand as a tourist and sort out papers later, employer pays the bus', answers: { visa: 'yes', travel: 'yes' }, level: 'high',
    why: 'visitor entry for work (R5; HCMC police on illegal crossings)' },
  { who: 'an online recruiter asks for a deposit to hold the place', answers: { fees: 'person', chat: 'yes', licensed: 'no' }, level: 'high',
    why: 'money to an online recruiter (R10, HCMC police PA05); not licensed (Law 69/2020 art. 7)' },
  { who: "a cousin's referral to a licensed job in Korea with a contract", answers: { referral: 'yes' }, level: 'low',
    why: 'a referral alone is a reason to check, not a verdict (R14); licensed with a contract' },
  { who: "a relative's referral: Cambodia, the boss pays the ticket, keep it quiet", answers: { referral: 'yes', destination: 'yes', travel: 'yes', secret: 'yes' }, level: 'high',
    why: 'referral with destination, paid travel and secrecy (R14, R7, R4, R9)' },
  { who: 'study-abroad offer promising part-time pay far above normal, centre not on the labour list', answers: { salary: 'yes', licensed: 'no', fees: 'unsure' }, level: 'medium',
    why: 'R1 and an unlicensed intermediary: check before paying (MOFA, Law 69/2020 art. 7)' },
  { who: 'no licence and no contract, but everything else looks normal', answers: { licensed: 'no', contract: 'no' }, level: 'high',
    why: 'MOFA: only through a licensed company with a signed contract; both are missing' },
  { who: 'unsure about the licence, the contract and the visa', answers: { licensed: 'unsure', contract: 'unsure', visa: 'unsure' }, level: 'medium',
    why: 'three unknowns that decide the case: find out first' },
];

const ROOT = path.resolve(import.meta.dirname, '../..');
let content: Content;

beforeAll(() => {
  content = loadContent(ROOT).content!;
});

/** Plays the questionnaire with `answers` (button taps) and returns the level reached. */
function levelFor(answers: Answers): Level {
  let state: ConversationState | undefined;
  const send = (input: EngineInput) => {
    const result = advance(content, state, input);
    state = result.state;
    return result.outputs;
  };
  send({ type: 'start' });
  send({ type: 'intent', intent: 'check_offer' });
  send({ type: 'choice', id: 'questions' });
  const order: (keyof Answers)[] = ['salary', 'experience', 'destination', 'route', 'visa', 'travel', 'licensed', 'contract', 'chat', 'fees', 'secret', 'referral'];
  let outputs = send({ type: 'choice', id: answers.salary });
  for (const q of order.slice(1)) outputs = send({ type: 'choice', id: answers[q] });
  const verdict = outputs.find((o) => o.type === 'say' && /^check-offer:(high|medium|low)\.verdict$/.test(o.key));
  if (!verdict || verdict.type !== 'say') throw new Error(`no verdict after the twelve answers: ${outputs.map((o) => (o.type === 'say' ? o.key : o.type)).join(', ')}`);
  return verdict.key.split(':')[1]!.split('.')[0] as Level;
}

describe('offer check: the persona table', () => {
  it('has at least 12 personas, each with a reason', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(12);
    for (const p of PERSONAS) expect(p.why.length, p.who).toBeGreaterThan(10);
  });

  it.each(PERSONAS)('$who -> $level', ({ answers, level }) => {
    expect(levelFor({ ...CLEAN, ...answers })).toBe(level);
  });
});

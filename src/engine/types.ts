/**
 * Types shared by the script loader (which builds `Content`), the pure engine
 * (`advance`) and the channel layer (which renders `EngineOutput`s).
 * The YAML format these come from is described in docs/script-format.md.
 */
import type { Answer, Intent } from '../kernel/intent';
import type { Entities } from '../kernel/entities';
import type { Lang } from '../kernel/lang';
import type { Risk, ScanResult, ScanSummary } from '../kernel/scan-result';

/** Where something was written, for error messages (`file:line:col`). */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

/** A value a script can store in a variable. */
export type VarValue = string | number | boolean;

/** One text to say. `key` is absolute (`namespace:path`). */
export interface SayItem {
  key: string;
  /** Condition (see docs/script-format.md), e.g. `fee == yes`; the text is said only when it holds. */
  when?: string;
  /** Repeat the text once per item of a list variable (only `scan_flags` today); `{id}` in `key` is replaced. */
  each?: 'scan_flags';
  /** With `each`: at most this many items (the strongest first). */
  max?: number;
  /** Add the text to the previous message of the same reply instead of sending a new one. */
  join?: boolean;
}

/**
 * A target of `goto`: a step of the same dialog, the start of another dialog, or (`goto: resume`,
 * choices only) back to the question an interruption interrupted.
 */
export type Target = { step: string } | { dialog: string } | { resume: true };

export interface Choice {
  id: string;
  /** Absolute key of the button label (default `<dialog>:<step>.choices.<id>`). */
  label: string;
  /** Added to the named counters (`score: 3` in YAML is `add: { score: 3 }`). */
  add: Record<string, number>;
  set: Record<string, VarValue>;
  /** Free-text intents or answers (`yes`, `no`, `unsure`) that select this choice. */
  intents: (Intent | Answer)[];
  /** Switches the user's language (language menu). */
  lang?: Lang;
  goto: Target;
  pos: SourcePos;
}

export interface Otherwise {
  say: SayItem[];
  /** How many times the step is asked again before the user is sent to `_global.on_stuck`. */
  retry: number;
  goto: Target;
}

export interface BranchArm {
  /** Condition; absent on the final `otherwise` arm. */
  when?: string;
  goto: Target;
}

export interface Step {
  id: string;
  say: SayItem[];
  /** Exactly one of the following ways forward is set. */
  next?: Target;
  choices?: Choice[];
  otherwise?: Otherwise;
  branch?: BranchArm[];
  /** `end: true` ends the dialog: return to the caller, or go idle. */
  end?: boolean;
  /** Run another dialog first, then continue at `next` when it ends. */
  call?: string;
  /** Free text at this step is a pasted job offer: it is scanned and reported (see `_global.on_offer_text`). */
  expect?: 'offer_text';
  /** Side effect when the step is entered. */
  /** `handoff_request`: the user consented to talk to a counsellor; the channel hands the conversation over (src/handoff/). */
  effect?: 'delete_data' | 'handoff_request';
  /** Set when the step is entered (e.g. the language chosen). */
  set: Record<string, VarValue>;
  pos: SourcePos;
}

export interface Dialog {
  id: string;
  version: number;
  triggers: Intent[];
  start: string;
  steps: Record<string, Step>;
  /** Counters of the dialog (names used in `add`/`score`, e.g. `score`, `total`): 0 when the dialog starts. */
  counters: string[];
  /** Path of the YAML file, for messages. */
  file: string;
  /** What reaching some steps means for the statistics (`stats:` of the file), when declared. */
  stats?: DialogStats;
}

/** `stats:` of a dialog file: steps whose arrival the statistics count as a result. */
export interface DialogStats {
  /** The step that reports each risk level found (counted as `risk|<dialog>|<level>`). */
  riskLevels: Partial<Record<Risk, string>>;
  /** Result steps of a quiz, one per score band, best first (counted as `quiz_band|<dialog>|<step>`). */
  quizBands: string[];
}

export interface Interruption {
  intent: Intent;
  goto: Target;
  /**
   * `true`: when the interrupting dialog ends, ask the interrupted step again. `false`: close
   * every open dialog first. `'ask'`: the interrupted step waits underneath and comes back only
   * when the user takes a `goto: resume` choice; when the dialog ends any other way, it is closed.
   */
  resume: boolean | 'ask';
}

export interface GlobalConfig {
  interruptions: Interruption[];
  /** Dialog started for a new conversation (language + privacy + menu). */
  welcome: string;
  /** Dialog run when the user's intent is `unknown` and no dialog is active. */
  fallback: string;
  /** Dialog run when a step's retries are used up (offers help and the menu). */
  on_stuck: string;
  /** Dialog that reports a scanned job offer. */
  on_offer_text: string;
  /**
   * Dialog that asks the safety question ("are you or someone you know in danger right now?")
   * when a message shows partial evidence of danger; it gets the message's other intent in `intent`.
   */
  on_possible_danger?: string;
  /** Dialog named `menu`. */
  menu: string;
  /** Key said when the state refers to a dialog/step that no longer exists. */
  content_changed: string;
}

/** Loaded, validated content. Immutable. */
export interface Content {
  /** Hash of dialogs/ and locales/; stored in conversation state. */
  version: string;
  dialogs: Record<string, Dialog>;
  global: GlobalConfig;
  /** Shared facts from dialogs/_variables.yaml (hotline numbers, links). */
  variables: Record<string, string>;
  /** i18next resources: lang -> namespace -> nested object of strings. */
  locales: Record<Lang, Record<string, unknown>>;
}

/** One open dialog. */
export interface Frame {
  dialog: string;
  step: string;
  retries: number;
  /** Counters and variables of this dialog (score, answers). */
  vars: Record<string, VarValue>;
  /**
   * For a frame pushed by `call` or an interruption: how to continue when the child ends
   * (`ask`: only through a `goto: resume` choice; ending otherwise closes the frames below).
   */
  resume?: 'next' | 'reask' | 'ask';
}

/** Conversation state. Plain JSON, stored by the channel layer. */
export interface ConversationState {
  contentVersion: string;
  /** Open dialogs, innermost last. Empty = idle. */
  stack: Frame[];
  /**
   * Last scan, for the offer report: its risk and the ids of the signs found, never
   * words of the user's text (the evidence is said in the turn of the scan, then forgotten).
   */
  scan?: ScanSummary;
}

export type EngineInput =
  /** A new conversation or a restart. */
  | { type: 'start' }
  /** A button press (payload = choice id). */
  | { type: 'choice'; id: string }
  /** Free text, already recognised. */
  | {
      type: 'text';
      text: string;
      folded: string;
      intent: Intent;
      score: number;
      answer?: Answer;
      entities: Entities;
      /** Present when the channel scanned the text as a possible job offer. */
      scan?: ScanResult;
      /** The text shows partial evidence of danger (a cue, not a clear situation): ask the safety question. */
      possibleDanger?: boolean;
    }
  /** An intent raised without text (e.g. a menu command). */
  | { type: 'intent'; intent: Intent; entities?: Entities };

export type EngineOutput =
  /** `join`: rendered as part of the previous message of the reply when it fits. */
  | { type: 'say'; key: string; vars: Record<string, VarValue>; join?: boolean }
  | { type: 'choices'; options: { id: string; label: string }[]; vars: Record<string, VarValue> }
  | { type: 'set_language'; lang: Lang }
  | { type: 'delete_data' }
  /** The user consented to a hand-off to a counsellor (a step with `effect: handoff_request`). */
  | { type: 'handoff_request' }
  /** The conversation reached the end of its last open dialog. */
  | { type: 'end' };

export interface AdvanceResult {
  state: ConversationState;
  outputs: EngineOutput[];
  /** What happened, for logs and analytics: dialog/step ids, never text. */
  events: EngineEvent[];
}

export type EngineEvent =
  | { type: 'dialog_started'; dialog: string }
  | { type: 'step_reached'; dialog: string; step: string }
  | { type: 'choice_taken'; dialog: string; step: string; choice: string; by: 'payload' | 'label' | 'number' | 'intent' }
  | { type: 'not_understood'; dialog: string; step: string }
  | { type: 'dialog_completed'; dialog: string; vars: Record<string, VarValue> }
  | { type: 'interrupted'; intent: Intent; dialog?: string }
  | { type: 'state_reset'; reason: 'content_changed' }
  | { type: 'unknown_intent' };

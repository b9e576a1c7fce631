/** What the bot runs on, built from dialogs/ and locales/ by src/script/load-runtime.ts. */
import type { Content } from '../engine/types';
import type { Experiment } from '../experiments/types';
import type { Scanner } from '../kernel/scan-result';
import type { Recogniser } from '../nlu/types';

/** Everything built from dialogs/ and locales/; swapped as a whole on live reload. */
export interface Runtime {
  content: Content;
  recogniser: Recogniser;
  scanner: Scanner;
  /** A/B experiments on texts (dialogs/_experiments.yaml); none when absent. */
  experiments?: Experiment[];
}

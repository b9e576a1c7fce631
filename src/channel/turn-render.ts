/**
 * Stage 3 of a turn (load → compute → render → persist): the A/B variant of each text, the
 * hand-off offer hidden when nobody can answer, then the texts in the user's language, shaped
 * for the channel. Pure: run again with the compute stage after an eTag conflict.
 */
import { applyExperiments, type AppliedExperiments, type PickVariant } from '../experiments/apply-experiments';
import type { HandoffHooks } from '../handoff/hooks';
import type { Runtime } from '../script/runtime';
import type { ChannelProfile } from './channel-profile';
import type { Translate } from './create-translator';
import { hideUnavailableOffer } from './handoff-glue';
import { renderOutputs, type RenderResult } from './render-outputs';
import type { TurnWork } from './turn-compute';
import type { LoadedTurn } from './turn-load';

/** What the render stage needs besides the computed turn. */
export interface RenderDeps {
  runtime: Runtime;
  translate: Translate;
  profile: ChannelProfile;
  handoff?: HandoffHooks;
  /** How this conversation gets its A/B variant (test conversations: the original text). */
  pick: PickVariant;
}

/** A rendered turn: the replies, and the A/B assignments and events to save and count. */
export interface RenderedTurn {
  ab: AppliedExperiments;
  rendered: RenderResult;
}

/** Renders the outputs of `work` for the conversation `loaded` describes. */
export function renderTurn(deps: RenderDeps, loaded: LoadedTurn, work: TurnWork): RenderedTurn {
  const outputs = hideUnavailableOffer(work.outputs, deps.handoff);
  const ab = applyExperiments(deps.runtime.experiments ?? [], outputs, work.events, loaded.assignments, deps.pick);
  return { ab, rendered: renderOutputs(ab.outputs, work.lang, deps.translate, deps.profile) };
}

/**
 * The routes for testing without Azure, mounted by the bot server in local mode only (no
 * MicrosoftAppId: the server listens on loopback): the web chat page and its Direct Line.
 */
import type { Router } from 'express';
import type { BotLogic } from '../../channel/types';
import type { Runtime } from '../../script/runtime';
import type { Logger } from '../../log/logger';
import type { Lang } from '../../kernel/lang';
import type { InFlight } from '../in-flight';
import { createDirectLineRouter } from '../direct-line/create-direct-line-router';
import { createWebChatRouter } from './create-web-chat-router';

export interface LocalRoutesDeps {
  /** Microsoft App ID of the bot: the routes exist only when it is empty. */
  appId: string;
  logic: BotLogic;
  inFlight: InFlight;
  isDraining: () => boolean;
  logger: Logger;
  getRuntime: () => Runtime | null;
  defaultLang: Lang;
}

/** `/chat` and `/v3/directline/*` in local mode; nothing when the bot has credentials. */
export function createLocalTestRouters(deps: LocalRoutesDeps): Router[] {
  if (deps.appId !== '') return [];
  return [
    createDirectLineRouter({ logic: deps.logic, inFlight: deps.inFlight, isDraining: deps.isDraining, logger: deps.logger }),
    createWebChatRouter({ getRuntime: deps.getRuntime, defaultLang: deps.defaultLang }),
  ];
}

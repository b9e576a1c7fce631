/**
 * `/preview`: signed-in staff try the current content in Web Chat, on a deployed bot too, so
 * a colleague can review a flow without installing anything. Its conversations run on the
 * bot's own Direct Line at `/preview/directline` with channel id `preview`: counted as test
 * conversations (left out of statistics) and shown the original text of A/B experiments.
 */
import type { RequestHandler, Router } from 'express';
import { PREVIEW_CHANNEL } from '../../analytics/is-test-conversation';
import type { LocalRoutesDeps } from '../web-chat/create-local-routers';
import { createDirectLineRouter } from '../direct-line/create-direct-line-router';
import { createWebChatRouter } from '../web-chat/create-web-chat-router';
import type { RequireStaff } from '../../staff/require-staff';

/** Where the preview lives. */
export const PREVIEW_PATH = '/preview';

/** The two guards of the preview. */
export interface PreviewGuards {
  /** The page: a signed-in staff member (any role); otherwise the sign-in page. */
  page: RequestHandler;
  /** The Direct Line: a signed-in staff member. */
  api: RequestHandler;
}

/**
 * Guards over `requireStaff`. Web Chat cannot send the session's CSRF header; none is needed:
 * the session cookie is SameSite=Strict (no other site's request carries it) and every call
 * on a conversation also needs that conversation's own token.
 */
export function createPreviewGuards(requireStaff: RequireStaff): PreviewGuards {
  const signedIn = requireStaff();
  return {
    page: requireStaff(undefined, { signedOut: 'page' }),
    api: (req, res, next) => signedIn(Object.assign(Object.create(req) as typeof req, { method: 'GET' }), res, next),
  };
}

/** The page and its Direct Line, behind `guards`. */
export function createPreviewRouters(deps: Omit<LocalRoutesDeps, 'appId'>, guards: PreviewGuards): Router[] {
  const directLinePath = `${PREVIEW_PATH}/directline`;
  return [
    createDirectLineRouter({ logic: deps.logic, inFlight: deps.inFlight, isDraining: deps.isDraining, logger: deps.logger, basePath: directLinePath, channelId: PREVIEW_CHANNEL, guard: guards.api }),
    createWebChatRouter({ getRuntime: deps.getRuntime, defaultLang: deps.defaultLang, path: PREVIEW_PATH, directLinePath, guard: guards.page, noteKey: 'note_preview' }),
  ];
}

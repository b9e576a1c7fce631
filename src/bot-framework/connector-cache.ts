/**
 * Reuses Bot Framework clients across turns. On every turn botbuilder's CloudAdapter builds a
 * new ConnectorClient (the request's connector factory) and a new UserTokenClient, each with
 * its own HTTP pipeline and credentials: a sizeable share of a turn's CPU time, and fresh
 * credentials whose token cache dies with the turn. This wrapper keeps one connector client
 * per (bot app id, serviceUrl, audience) and one user-token client per app id; their
 * credentials refresh their own tokens, so a kept client stays valid. Kept connector clients
 * send their bodies as plain JSON (plain-json-operations.ts).
 * One of the few files that import the SDK (see src/bot-framework/README.md).
 */
import type { BotFrameworkAuthentication, ClaimsIdentity, ConnectorClient, ConnectorFactory, UserTokenClient } from 'botframework-connector';
import { connector } from './sdk';
import { withPlainJsonOperations } from './plain-json-operations';

/** Clients kept at most per kind (one per channel endpoint; a bot talks to a handful). */
export const MAX_CACHED_CLIENTS = 64;

/** Insertion-ordered promise cache: the oldest entry goes past `max`; a rejected promise is dropped. */
function promiseCache<V>(max: number) {
  const entries = new Map<string, Promise<V>>();
  return (key: string, create: () => Promise<V>): Promise<V> => {
    const cached = entries.get(key);
    if (cached) return cached;
    const created = create();
    entries.set(key, created);
    if (entries.size > max) entries.delete(entries.keys().next().value as string);
    created.catch(() => {
      if (entries.get(key) === created) entries.delete(key);
    });
    return created;
  };
}

const appIdOf = (claimsIdentity: ClaimsIdentity | undefined) =>
  (claimsIdentity ? connector.JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) : undefined) ?? '';

/**
 * Makes `auth` hand out cached clients: the connector factories of its requests and of
 * `createConnectorFactory` share one ConnectorClient per (app id, serviceUrl, audience), and
 * `createUserTokenClient` one client per app id. Returns `auth`.
 */
export function withCachedClients<T extends BotFrameworkAuthentication>(auth: T, max = MAX_CACHED_CLIENTS): T {
  const connectors = promiseCache<ConnectorClient>(max);
  const userTokens = promiseCache<UserTokenClient>(max);
  const caching = (appId: string, inner: () => ConnectorFactory): ConnectorFactory => {
    let factory: ConnectorFactory | undefined;
    return {
      create: (serviceUrl: string, audience?: string) =>
        connectors(`${appId}\n${serviceUrl}\n${audience ?? ''}`, async () => withPlainJsonOperations(await (factory ??= inner()).create(serviceUrl, audience))),
    };
  };
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    const inner = result.connectorFactory;
    return inner ? { ...result, connectorFactory: caching(appIdOf(result.claimsIdentity), () => inner) } : result;
  };
  auth.createConnectorFactory = (claimsIdentity) => caching(appIdOf(claimsIdentity), () => createConnectorFactory(claimsIdentity));
  auth.createUserTokenClient = (claimsIdentity) => userTokens(appIdOf(claimsIdentity), () => createUserTokenClient(claimsIdentity));
  return auth;
}

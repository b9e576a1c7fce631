/**
 * A local stand-in for the Bot Framework token service: an RSA key pair, an OpenID
 * metadata document and a JWKS served over HTTP (point `ToBotFromChannelOpenIdMetadataUrl`
 * at `metadataUrl`), and a signer for channel tokens.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** Issuer of tokens from Bot Framework channels (what botbuilder expects by default). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TokenClaims {
  audience: string;
  serviceUrl: string;
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresInSeconds?: number;
  /** Sign with a key the authority does not publish (bad signature). */
  foreignKey?: boolean;
  issuer?: string;
}

export interface TokenAuthority {
  metadataUrl: string;
  /** Returns `Bearer <jwt>`. */
  sign(claims: TokenClaims): string;
  close(): Promise<void>;
}

/** Starts the authority on a random local port. */
export async function startTokenAuthority(): Promise<TokenAuthority> {
  const kid = 'test-key-1';
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = published.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  let base = '';
  const server: Server = createServer((req, res) => {
    const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/.well-known/openid-configuration') {
      return send({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.url === '/keys') return send({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e }] });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/.well-known/openid-configuration`,
    sign(claims) {
      const key: KeyObject = claims.foreignKey ? foreign.privateKey : published.privateKey;
      const now = Math.floor(Date.now() / 1000);
      const token = jwt.sign(
        {
          iss: claims.issuer ?? CHANNEL_ISSUER,
          aud: claims.audience,
          serviceurl: claims.serviceUrl,
          nbf: now - 60,
          iat: now - 60,
          exp: now + (claims.expiresInSeconds ?? 3_600),
        },
        key,
        { algorithm: 'RS256', keyid: kid },
      );
      return `Bearer ${token}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

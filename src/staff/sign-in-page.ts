/**
 * The staff sign-in page, served with status 401 by guards in `page` mode (e.g. /admin) and
 * shown by the inbox at /staff. It posts to /staff/login and reloads on success. No CDN.
 */
import type { Response } from 'express';

/** The sign-in form's markup, shared by the stand-alone page and the inbox page. */
export const SIGN_IN_FORM = `<form id="sign-in" class="card" autocomplete="on">
  <h1>ThinkFirst staff sign-in</h1>
  <label for="sign-in-name">Name</label>
  <input id="sign-in-name" name="name" autocomplete="username" required autocapitalize="none" spellcheck="false">
  <label for="sign-in-password">Password</label>
  <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
  <p id="sign-in-error" role="alert" aria-live="assertive"></p>
</form>`;

/** Head of every staff page: viewport for phones, the shared stylesheet. */
export function staffPageHead(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/staff/assets/staff.css">
</head>`;
}

const PAGE = `${staffPageHead('Sign in - ThinkFirst staff')}
<body>
<main>
${SIGN_IN_FORM}
</main>
<script src="/staff/assets/sign-in.js"></script>
</body>
</html>
`;

/** Sends the sign-in page with status 401 (not signed in) and no caching. */
export function sendSignInPage(res: Response): void {
  res.status(401).set('Cache-Control', 'no-store').type('html').send(PAGE);
}

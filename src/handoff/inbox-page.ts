/** The counsellors' inbox page at /staff: plain HTML, one script and one stylesheet served by the bot (no CDN). */
import type { Response } from 'express';
import { SIGN_IN_FORM, staffPageHead } from '../staff/sign-in-page';

const PAGE = `${staffPageHead('Inbox - ThinkFirst counsellors')}
<body>
<a class="visually-hidden" href="#conversation">Skip to the open conversation</a>
<main>
<div id="signed-out" hidden>
${SIGN_IN_FORM}
</div>
<div id="signed-in" hidden>
  <header class="top">
    <h1>Conversations</h1>
    <p><span id="who" class="muted"></span> <button type="button" id="sign-out" class="secondary">Sign out</button></p>
  </header>
  <p id="status" role="status" aria-live="polite" class="muted"></p>
  <div class="columns">
    <section class="card" aria-labelledby="list-title">
      <h2 id="list-title">Waiting and active</h2>
      <ul id="handoffs" class="plain"></ul>
      <p id="empty" class="muted" hidden>Nobody is waiting. This list updates by itself.</p>
    </section>
    <section class="card" id="conversation" aria-labelledby="conversation-title" tabindex="-1">
      <h2 id="conversation-title">No conversation open</h2>
      <p id="conversation-meta" class="muted"></p>
      <ol id="messages" class="messages" aria-live="polite"></ol>
      <form id="reply" hidden>
        <label for="reply-text">Your answer (the user sees it in their chat)</label>
        <textarea id="reply-text" required maxlength="4000"></textarea>
        <button type="submit">Send</button>
        <button type="button" id="close" class="secondary">Close the conversation</button>
        <p id="reply-error" role="alert"></p>
      </form>
    </section>
  </div>
</div>
</main>
<script src="/staff/assets/sign-in.js"></script>
<script src="/staff/assets/inbox.js"></script>
</body>
</html>
`;

/** Sends the inbox page (the script signs in or shows the conversations). */
export function sendInboxPage(res: Response): void {
  res.status(200).set('Cache-Control', 'no-store').type('html').send(PAGE);
}

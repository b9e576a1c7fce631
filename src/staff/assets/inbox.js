// Counsellors' inbox: lists waiting and active hand-offs, opens one, replies, closes.
// Polls the API every few seconds, so messages from users appear without reloading.
(function () {
  'use strict';
  var POLL_MS = 3000;
  var LANGUAGES = { vi: 'Vietnamese', fr: 'French', en: 'English' };
  var csrfToken = '';
  var openId = '';
  var shownCount = -1;
  var el = function (id) { return document.getElementById(id); };

  function api(path, options) {
    options = options || {};
    var headers = { 'x-csrf-token': csrfToken };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, {
      method: options.method || 'GET',
      headers: headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }).then(function (response) {
      if (response.status === 401) { showSignedOut(); throw new Error('signed out'); }
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    });
  }

  function minutesSince(iso) {
    var minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000));
    return minutes < 1 ? 'less than a minute' : minutes === 1 ? '1 minute' : minutes + ' minutes';
  }

  function describe(h) {
    var language = LANGUAGES[h.lang] || h.lang;
    if (h.status === 'waiting') return language + ' · waiting for ' + minutesSince(h.startedAt);
    return language + ' · active with ' + (h.assignedTo || 'someone') + ' · last message ' + minutesSince(h.lastMessageAt) + ' ago';
  }

  function showSignedOut() {
    el('signed-in').hidden = true;
    el('signed-out').hidden = false;
  }

  function renderList(handoffs) {
    var open = handoffs.filter(function (h) { return h.status !== 'closed'; });
    var list = el('handoffs');
    list.textContent = '';
    open.forEach(function (h) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'conversation-link';
      button.dataset.id = h.id;
      button.textContent = describe(h);
      if (h.id === openId) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', function () { openConversation(h.id, true); });
      item.appendChild(button);
      list.appendChild(item);
    });
    el('empty').hidden = open.length > 0;
    var waiting = open.filter(function (h) { return h.status === 'waiting'; }).length;
    document.title = (waiting > 0 ? '(' + waiting + ') ' : '') + 'Inbox - ThinkFirst counsellors';
  }

  function renderConversation(h) {
    el('conversation-title').textContent = (LANGUAGES[h.lang] || h.lang) + ' conversation';
    el('conversation-meta').textContent = h.status === 'closed' ? 'Closed.' : h.status === 'waiting' ? 'Waiting since ' + new Date(h.startedAt).toLocaleTimeString() + '. Your first answer takes it.' : 'Active with ' + (h.assignedTo || 'someone') + '.';
    if (h.messages.length !== shownCount) {
      var list = el('messages');
      list.textContent = '';
      h.messages.forEach(function (m) {
        var item = document.createElement('li');
        item.className = 'from-' + m.from;
        var meta = document.createElement('span');
        meta.className = 'meta';
        var who = m.from === 'user' ? 'User' : m.from === 'bot' ? 'Bot (automatic)' : (m.staff || 'Counsellor');
        meta.textContent = who + ' · ' + new Date(m.at).toLocaleTimeString();
        item.appendChild(meta);
        item.appendChild(document.createTextNode(m.text));
        if (m.delivery === 'failed') {
          var failed = document.createElement('span');
          failed.className = 'meta failed';
          failed.textContent = 'Not delivered: the user\u2019s channel did not accept it.';
          item.appendChild(failed);
        } else if (m.delivery === 'pending') {
          var pending = document.createElement('span');
          pending.className = 'meta';
          pending.textContent = 'Sending…';
          item.appendChild(pending);
        }
        list.appendChild(item);
      });
      list.scrollTop = list.scrollHeight;
      shownCount = h.messages.length;
    }
    el('reply').hidden = h.status === 'closed';
  }

  function openConversation(id, focus) {
    if (id !== openId) shownCount = -1;
    openId = id;
    return api('/staff/api/handoffs/' + encodeURIComponent(id)).then(function (result) {
      if (result.status !== 200) { openId = ''; return; }
      renderConversation(result.body);
      if (focus) el('conversation').focus();
      refreshList();
    });
  }

  function refreshList() {
    return api('/staff/api/handoffs').then(function (result) {
      if (result.status === 200) renderList(result.body.handoffs);
      el('status').textContent = '';
    });
  }

  function poll() {
    var work = openId ? openConversation(openId, false) : refreshList();
    work.catch(function (error) {
      if (error.message !== 'signed out') el('status').textContent = 'Connection lost; retrying…';
    }).then(function () { setTimeout(poll, POLL_MS); });
  }

  el('reply').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = el('reply-text').value.trim();
    if (!text || !openId) return;
    el('reply-error').textContent = '';
    api('/staff/api/handoffs/' + encodeURIComponent(openId) + '/messages', { method: 'POST', body: { text: text } }).then(function (result) {
      if (result.status === 200) {
        el('reply-text').value = '';
        if (result.body.message.delivery === 'failed') el('reply-error').textContent = 'Not delivered: the user\u2019s channel did not accept the message.';
      } else {
        el('reply-error').textContent = result.body.error || 'Not sent (' + result.status + ').';
      }
      return openConversation(openId, false);
    });
  });

  el('close').addEventListener('click', function () {
    if (!openId || !window.confirm('Close this conversation? The user is told and the bot takes over again.')) return;
    api('/staff/api/handoffs/' + encodeURIComponent(openId) + '/close', { method: 'POST' }).then(function () {
      return openConversation(openId, false);
    });
  });

  el('sign-out').addEventListener('click', function () {
    fetch('/staff/logout', { method: 'POST', credentials: 'same-origin' }).then(function () { window.location.reload(); });
  });

  fetch('/staff/api/session', { credentials: 'same-origin' }).then(function (response) {
    if (response.status !== 200) return showSignedOut();
    return response.json().then(function (session) {
      csrfToken = session.csrfToken;
      el('who').textContent = 'Signed in as ' + session.name;
      el('signed-out').hidden = true;
      el('signed-in').hidden = false;
      poll();
    });
  });
})();

// The local test page: Microsoft Web Chat over the bot's own Direct Line (polling, no WebSocket).
// Language switch: Web Chat's locale changes and the language's name is sent to the bot, as a user
// would type it. "New conversation": a fresh Direct Line conversation in the current language.
(function () {
  'use strict';
  var LOCALES = { vi: 'vi-VN', fr: 'fr-FR', en: 'en-US' };
  var texts = JSON.parse(document.getElementById('texts').textContent);
  var root = document.getElementById('webchat');
  var wanted = (new URLSearchParams(window.location.search).get('lang') || navigator.language || '').slice(0, 2).toLowerCase();
  var lang = LOCALES[wanted] ? wanted : document.documentElement.getAttribute('data-default-lang');
  var directLine = null;
  var store = null;
  var host = null;

  function showTexts() {
    var t = texts[lang];
    document.documentElement.lang = lang;
    document.title = t.title;
    document.getElementById('title').textContent = t.title;
    document.getElementById('language-label').textContent = t.language;
    document.getElementById('new-conversation').textContent = t.new_conversation;
    document.getElementById('note').textContent = t.note;
    document.querySelectorAll('button[data-lang]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    });
  }

  function render() {
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      locale: LOCALES[lang],
      styleOptions: { hideUploadButton: true, suggestedActionLayout: 'flow', bubbleMaxWidth: 560 },
    }, host);
  }

  function startConversation() {
    if (directLine) directLine.end();
    if (host) host.remove();
    host = document.createElement('div');
    root.appendChild(host);
    store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') followBotLanguage(action.payload.activity);
          return next(action);
        };
      };
    });
    directLine = window.WebChat.createDirectLine({
      domain: window.location.origin + (document.documentElement.getAttribute('data-direct-line') || '/v3/directline'),
      webSocket: false,
      pollingInterval: 500,
      conversationStartProperties: { locale: LOCALES[lang] },
    });
    render();
  }

  // The bot writes each reply's language in `locale`: when the user changed language in the chat
  // (a language button, or typing in another language), the page follows.
  function followBotLanguage(activity) {
    if (!activity || !activity.from || activity.from.role !== 'bot' || typeof activity.locale !== 'string') return;
    var replyLang = activity.locale.slice(0, 2).toLowerCase();
    if (replyLang === lang || !LOCALES[replyLang]) return;
    lang = replyLang;
    showTexts();
    setTimeout(render, 0);
  }

  function switchLanguage(next) {
    if (next === lang || !LOCALES[next]) return;
    lang = next;
    showTexts();
    render();
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: texts[next].language_name } });
  }

  document.querySelectorAll('button[data-lang]').forEach(function (button) {
    button.addEventListener('click', function () { switchLanguage(button.getAttribute('data-lang')); });
  });
  document.getElementById('new-conversation').addEventListener('click', startConversation);
  showTexts();
  startConversation();
})();

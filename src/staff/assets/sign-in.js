// Staff sign-in: posts {name, password} to /staff/login; reloads the page on success.
(function () {
  'use strict';
  var form = document.getElementById('sign-in');
  if (!form) return;
  var error = document.getElementById('sign-in-error');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.textContent = '';
    var body = JSON.stringify({
      name: document.getElementById('sign-in-name').value.trim(),
      password: document.getElementById('sign-in-password').value,
    });
    fetch('/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) return window.location.reload();
        if (response.status === 429) error.textContent = 'Too many failed attempts for this name. Wait 15 minutes, then try again.';
        else if (response.status === 401) error.textContent = 'Wrong name or password.';
        else error.textContent = 'Sign-in failed (' + response.status + '). Try again.';
      })
      .catch(function () {
        error.textContent = 'The bot did not answer. Check the connection and try again.';
      });
  });
})();

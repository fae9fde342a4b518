// Sign-in: staff by user name and password, passengers by booking code and surname; then to the role's screen.
import { $, api, clearProblem, homeFor, saveSession, session, showProblem, startPage, t } from './app.js';

await startPage(null);
const errorBox = $('#login-error');

$('#logout').hidden = !session();

async function signIn(form, path, body, button, badCredentials) {
  clearProblem(errorBox);
  if (Object.values(body).some((v) => !v)) {
    errorBox.replaceChildren(t('signin.missing'));
    errorBox.hidden = false;
    return;
  }
  button.disabled = true;
  try {
    const answer = await api(path, { method: 'POST', body, signIn: true });
    saveSession(answer.token, answer.user);
    location.href = homeFor(answer.user.role);
  } catch (err) {
    showProblem(errorBox, err, err.status === 401 || err.status === 404 ? t(badCredentials) : undefined);
    button.disabled = false;
  }
}

$('#staff-form').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn(event.target, '/api/v1/auth/login',
    { username: $('#username').value.trim().toLowerCase(), password: $('#password').value }, $('#login'), 'signin.badStaff');
});

$('#passenger-form').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn(event.target, '/api/v1/auth/passenger',
    { pnr: $('#pnr').value.trim().toUpperCase(), lastName: $('#lastName').value.trim() }, $('#passenger-login'),
    'signin.badPassenger');
});

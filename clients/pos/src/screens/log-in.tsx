/** Staff log-in: the same account log-in as customers; only a staff token may run the till. */
import { useState } from 'preact/hooks';
import { StaffLogInDocument } from '../../generated/graphql.ts';
import { describeFailure, errorAt, errorsElsewhere, staff, type UserError } from '../api.ts';
import { ErrorText, Field } from '../components/field.tsx';
import { Screen } from '../components/screen.tsx';
import { roleOf, type StaffSession } from '../session.ts';

const EMAIL = ['input', 'email'];
const PASSWORD = ['input', 'password'];

export function LogIn({ onLoggedIn }: { onLoggedIn: (session: StaffSession) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const answer = (await staff.mutate(StaffLogInDocument, { input: { email: email.trim(), password } })).customerAccessTokenCreate;
      setErrors(answer.userErrors);
      const token = answer.customerAccessToken;
      if (!token) return;
      if (roleOf(token.accessToken) !== 'staff') {
        setFailure('This account is not a staff account. Log in with your staff account to use the till.');
        return;
      }
      setPassword('');
      onLoggedIn({ token: token.accessToken, expiresAt: token.expiresAt });
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  const general = [...errorsElsewhere(errors, [EMAIL, PASSWORD]).map((error) => error.message), failure].filter(Boolean).join(' ');
  return (
    <Screen title="Staff log-in" class="screen narrow">
      <form onSubmit={submit} noValidate>
        <Field id="email" label="Email" type="email" autoComplete="username" required value={email} error={errorAt(errors, EMAIL)} onInput={(event) => setEmail(event.currentTarget.value)} />
        <Field
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={errorAt(errors, PASSWORD)}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <ErrorText message={general} />
        <button type="submit" class="button primary wide" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </Screen>
  );
}

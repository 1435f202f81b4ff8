/** Sign in and create an account, side by side for a signed-out shopper. */
import { useState } from 'preact/hooks';
import { describeError, type UserErrorShape } from '../api.ts';
import { Field } from '../components/form-field.tsx';
import { fieldError, UserErrors } from '../components/user-errors.tsx';
import { logIn, register } from '../state/account.ts';

function useSubmit(action: (form: FormData) => Promise<readonly UserErrorShape[]>) {
  const [errors, setErrors] = useState<readonly UserErrorShape[]>([]);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      setErrors(await action(new FormData(event.currentTarget as HTMLFormElement)));
    } catch (error) {
      setErrors([{ message: describeError(error), code: 'REQUEST_FAILED' }]);
    }
    setBusy(false);
  };
  return { errors, busy, onSubmit };
}

const text = (form: FormData, name: string) => form.get(name)?.toString() ?? '';

export function SignInForm() {
  const { errors, busy, onSubmit } = useSubmit((form) => logIn(text(form, 'login-email').trim(), text(form, 'login-password')));
  return (
    <section aria-labelledby="login-heading" class="panel">
      <h2 id="login-heading">Sign in</h2>
      <form onSubmit={onSubmit}>
        <Field id="login-email" label="Email" type="email" autoComplete="username" required />
        <Field id="login-password" label="Password" type="password" autoComplete="current-password" required />
        <UserErrors errors={errors} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}

export function RegisterForm() {
  const { errors, busy, onSubmit } = useSubmit((form) =>
    register({
      firstName: text(form, 'register-firstName').trim(),
      lastName: text(form, 'register-lastName').trim(),
      email: text(form, 'register-email').trim(),
      password: text(form, 'register-password'),
    }),
  );
  return (
    <section aria-labelledby="register-heading" class="panel">
      <h2 id="register-heading">Create an account</h2>
      <form onSubmit={onSubmit}>
        <Field id="register-firstName" label="First name" autoComplete="given-name" error={fieldError(errors, 'firstName')} />
        <Field id="register-lastName" label="Last name" autoComplete="family-name" error={fieldError(errors, 'lastName')} />
        <Field id="register-email" label="Email" type="email" autoComplete="email" required error={fieldError(errors, 'email')} />
        <Field
          id="register-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters."
          error={fieldError(errors, 'password')}
        />
        <UserErrors errors={errors} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Creating account…' : 'Create account'}
        </button>
      </form>
    </section>
  );
}

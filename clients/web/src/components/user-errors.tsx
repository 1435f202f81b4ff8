/** The API's userErrors (or a failed request) as an alert the screen reader reads out at once. */
import type { UserErrorShape } from '../api.ts';

export function UserErrors({ errors, label }: { errors: readonly UserErrorShape[] | string | null; label?: string }) {
  const list = typeof errors === 'string' ? [{ message: errors, code: 'ERROR' }] : (errors ?? []);
  if (list.length === 0) return null;
  return (
    <div class="errors" role="alert">
      {label && <p>{label}</p>}
      <ul>
        {list.map((error, index) => (
          <li key={index}>{error.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The first error on one input field (`field` ends with its name), for inline display. */
export function fieldError(errors: readonly UserErrorShape[], name: string): string | undefined {
  return errors.find((error) => error.field?.[error.field.length - 1] === name)?.message;
}

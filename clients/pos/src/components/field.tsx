/**
 * A labelled input with its error beside it. The error is announced (role="alert") and tied to the input
 * (aria-describedby, aria-invalid), so a screen reader hears why the field was refused.
 */
import type { InputHTMLAttributes, Ref } from 'preact';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
};

export function Field({ id, label, error, hint, inputRef, ...input }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {/* The rest is spread as given; TypeScript loses the attributes' role union in the destructuring. */}
      <input {...(input as InputHTMLAttributes<HTMLInputElement>)} id={id} ref={inputRef} aria-invalid={error ? true : undefined} aria-describedby={described} />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

/** An error message, announced when it appears; nothing when there is none. */
export function ErrorText({ id, message }: { id?: string; message?: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="error" role="alert">
      {message}
    </p>
  );
}

/** A labelled input, its error (if any) tied to it with aria-describedby, so both are read together. */
import type { InputHTMLAttributes, PartialInputHTMLAttributes } from 'preact';

type InputProps = PartialInputHTMLAttributes<HTMLInputElement>;

export interface FieldProps extends Omit<InputProps, 'id' | 'label'> {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

export function Field({ id, label, error, hint, ...input }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} name={id} aria-invalid={error ? 'true' : undefined} aria-describedby={described} {...(input as InputHTMLAttributes<HTMLInputElement>)} />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * One polite live region for the whole app: cart updates and page-level results are read out by screen
 * readers without moving focus. Errors next to a form use role="alert" where they appear instead.
 */
import { createStore, useStore } from '../state/store.ts';

const message = createStore('');

export function announce(text: string): void {
  // Clearing first makes a repeated message ("Cart updated") be read again.
  message.set('');
  requestAnimationFrame(() => message.set(text));
}

export function Announcer() {
  const text = useStore(message);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

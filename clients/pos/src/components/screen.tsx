/**
 * One screen: its heading and content. On arrival focus moves to the heading, so a screen reader announces
 * the new screen and keyboard users start from its top, unless the screen puts focus somewhere more useful
 * itself (the sale screen's scanner input).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ScreenProps {
  title: string;
  /** Leave focus alone: the screen focuses its own first control. */
  keepFocus?: boolean;
  class?: string;
  children: ComponentChildren;
}

export function Screen({ title, keepFocus, class: className, children }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · POS`;
    if (!keepFocus) heading.current?.focus();
  }, [title, keepFocus]);
  return (
    <main id="main" class={className ?? 'screen'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}

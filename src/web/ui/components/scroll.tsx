import type { ComponentChildren } from 'preact';

/**
 * A table that may scroll sideways (or down): focusable and named, so keyboard users can scroll it
 * too (axe: scrollable-region-focusable).
 */
export function Scroll({
  label,
  tall,
  children,
}: {
  label: string;
  tall?: boolean;
  children: ComponentChildren;
}) {
  return (
    // A named section is a region; it takes the focus so that it can be scrolled by keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled by keyboard
    <section class={tall ? 'scroll tall' : 'scroll'} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

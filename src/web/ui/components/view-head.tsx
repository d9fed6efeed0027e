import type { ComponentChildren } from 'preact';

/** A view's heading (its id names the view's section), with what goes beside it. */
export function ViewHead({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="view-head">
      <h1 id={id}>{title}</h1>
      {children}
    </div>
  );
}

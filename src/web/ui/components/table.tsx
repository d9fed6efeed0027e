import type { ComponentChildren } from 'preact';
import { Scroll } from './scroll.js';

export interface Column {
  label: ComponentChildren;
  /** Right-aligned figures. */
  num?: boolean;
  /** Read by screen readers only (a column of buttons). */
  hidden?: boolean;
}

/** A table in a named scrolling region, with its column headings; the body (and foot) are the children. */
export function Table(props: {
  label: string;
  columns: Column[];
  tall?: boolean;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <Scroll label={props.label} tall={props.tall}>
      <table class={props.class}>
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th key={i} scope="col" class={c.num ? 'num' : undefined}>
                {c.hidden ? <span class="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        {props.children}
      </table>
    </Scroll>
  );
}

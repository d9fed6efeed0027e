import { bridgeChartSvg } from '../../report/charts.js';
import { escapeHtml, STYLE } from '../../report/html.js';
import { PLAN_LABELS } from './labels.js';
import { type PlanDocument, shown } from './plan-document.js';

const CHART = { width: 760, height: 340 };

/** One self-contained page: the waterfalls of the bridge as inline SVG, then every table and the notes. */
export function planHtml(doc: PlanDocument): string {
  const { locale } = doc;
  const figures = doc.bridges
    .map(
      (b) =>
        `<figure><figcaption>${escapeHtml(b.title)}<div class="note">${escapeHtml(locale.text(PLAN_LABELS.bridgeNote))}</div></figcaption>${bridgeChartSvg(b.data, locale, CHART)}</figure>`,
    )
    .join('\n');
  const tables = doc.tables
    .map((t) => {
      const num = (i: number) => ((t.rows[0]?.[i]?.kind ?? 'text') !== 'text' ? ' class="num"' : '');
      const rows = t.rows
        .map(
          (r, i) =>
            `<tr${t.totals?.[i] ? ' class="period-total"' : ''}>${r.map((c, j) => `<td${num(j)}>${escapeHtml(shown(c, locale))}</td>`).join('')}</tr>`,
        )
        .join('\n');
      return `<h2>${escapeHtml(t.title)}</h2>
${t.note ? `<p class="meta">${escapeHtml(t.note)}</p>` : ''}
<div class="scroll"><table>
<thead><tr>${t.headings.map((h, i) => `<th${num(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
    })
    .join('\n');
  const notes = doc.notes.length
    ? `<h2>${escapeHtml(locale.text(PLAN_LABELS.notes))}</h2>\n<ul>${doc.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="${locale.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(doc.title)}</h1>
${doc.meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`).join('\n')}
</header>
${figures ? `<section class="charts">\n${figures}\n</section>` : ''}
${tables}
${notes}
<footer>${escapeHtml(locale.text(PLAN_LABELS.generatedBy))}</footer>
</main>
</body>
</html>
`;
}

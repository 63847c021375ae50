// The event view's evidence: the article text cut at every span boundary into text nodes and <mark>s, and a list of
// the event's fields; clicking a field highlights its span in the article and scrolls it into view.
import { append, clear, el } from './dom.js';
import { t } from './i18n.js';

/** Fields in the order the list shows them, with the colour family of their marks. */
const FIELDS = [
  ['type', 'other'],
  ['date', 'other'],
  ['leadOfficial', 'who'],
  ['officials', 'who'],
  ['leadUnit', 'body'],
  ['targetUnits', 'body'],
  ['location', 'body'],
  ['directives', 'doc'],
  ['results', 'outcome'],
  ['metrics', 'outcome'],
  ['limitations', 'issue'],
  ['recommendations', 'ask'],
  ['proposals', 'ask'],
];
const KIND = new Map(FIELDS);

/** `results[0].metrics[1].span` → metrics; `directives[2].spans[0]` → directives; `typeSpan` → type. */
export function fieldOf(path) {
  if (/\.metrics\[/.test(path)) return 'metrics';
  const m = /^([A-Za-z]+?)(?:Span)?(?![A-Za-z])/.exec(path);
  return m ? m[1] : path;
}

/** The label of a field; a field this page does not know yet is shown by its name. */
function fieldLabel(f) {
  const key = `field.${f}`;
  const label = t(key);
  return label === key ? f : label;
}

function validSpans(text, spans) {
  return spans
    .map((s, i) => ({ ...s, index: i }))
    .filter(({ span: [a, b] }) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= text.length);
}

/**
 * Renders `text` into `container`: plain runs as text nodes, runs covered by spans as <mark> elements whose
 * data-spans lists the indices (into `spans`) covering them. Overlapping and nested spans cut the text into runs.
 */
export function renderArticle(container, text, spans) {
  clear(container);
  const valid = validSpans(text, spans);
  const cuts = new Set([0, text.length]);
  for (const { span } of valid) {
    cuts.add(span[0]);
    cuts.add(span[1]);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = text.slice(a, b);
    const covering = valid.filter(({ span }) => span[0] <= a && span[1] >= b);
    if (covering.length === 0) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    // The innermost (shortest) span decides the colour.
    const inner = covering.reduce((best, s) => (s.span[1] - s.span[0] < best.span[1] - best.span[0] ? s : best));
    const mark = el('mark', {
      class: `ev ev-${KIND.get(fieldOf(inner.path)) ?? 'other'}`,
      dataset: { spans: covering.map((s) => s.index).join(' '), inner: String(inner.index) },
    });
    mark.textContent = piece;
    frag.append(mark);
  }
  container.append(frag);
}

function shorten(s, n = 140) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The list of fields: one row per field, one button per span, labelled with the span's surface text. */
export function renderFields(list, spans) {
  clear(list);
  const groups = new Map();
  spans.forEach((s, index) => {
    const f = fieldOf(s.path);
    if (!groups.has(f)) groups.set(f, []);
    groups.get(f).push({ ...s, index });
  });
  if (groups.size === 0) {
    list.append(el('li', { class: 'hint' }, t('event.noSpans')));
    return;
  }
  const order = [...FIELDS.map(([f]) => f), ...[...groups.keys()].filter((f) => !KIND.has(f))];
  for (const f of order) {
    const items = groups.get(f);
    if (!items) continue;
    const values = el('div', { class: 'values' });
    for (const s of items)
      append(
        values,
        el(
          'button',
          {
            type: 'button',
            class: `field ev-${KIND.get(f) ?? 'other'}`,
            'aria-pressed': 'false',
            title: `${s.path} [${s.span[0]}, ${s.span[1]})`,
            dataset: { span: String(s.index), field: f },
          },
          shorten(s.surface),
        ),
      );
    list.append(el('li', { dataset: { field: f } }, el('span', { class: 'label' }, fieldLabel(f)), values));
  }
}

/** Highlights span `index`: its marks get `active`, its button is pressed, the first mark scrolls into view. */
export function highlight(article, list, index) {
  for (const m of article.querySelectorAll('mark.active')) m.classList.remove('active');
  for (const b of list.querySelectorAll('button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  const key = String(index);
  const marks = [...article.querySelectorAll('mark')].filter((m) => m.dataset.spans.split(' ').includes(key));
  for (const m of marks) m.classList.add('active');
  const button = list.querySelector(`button[data-span="${key}"]`);
  button?.setAttribute('aria-pressed', 'true');
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  marks[0]?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  return marks;
}

/** Wires clicks: a field button highlights its span; a mark in the article presses its field. */
export function wireEvidence(article, list) {
  list.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-span]');
    if (b) highlight(article, list, Number(b.dataset.span));
  });
  article.addEventListener('click', (e) => {
    const m = e.target.closest('mark[data-inner]');
    if (!m) return;
    const index = Number(m.dataset.inner);
    highlight(article, list, index);
    list.querySelector(`button[data-span="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  });
}

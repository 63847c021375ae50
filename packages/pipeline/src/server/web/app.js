// The analyst page: search and filters (kept in the URL, so a view can be shared), the result list with keyset
// paging, the event view with its evidence, trend charts and the export of the current filter.
import { ApiError, downloadWithToken, getJson, queryString, setToken, token } from './api.js';
import { renderCharts } from './charts.js';
import { $, append, clear, el } from './dom.js';
import { renderArticle, renderFields, wireEvidence } from './evidence.js';
import { applyLabels, EVENT_TYPES, formatNumber, lang, setLang, t } from './i18n.js';

const FILTER_KEYS = ['text', 'from', 'to', 'province', 'type', 'directive', 'official'];
const PAGE_SIZE = 50;

const state = { filter: {}, next: null, total: null, eventId: null, tab: 'list', facets: null };
let listAbort = null;

const ui = {
  search: $('#search'),
  q: $('#q'),
  form: $('#filter-form'),
  typeSelect: $('#type-select'),
  results: $('#results'),
  summary: $('#summary'),
  more: $('#more'),
  error: $('#error'),
  pane: $('#event-pane'),
  article: $('#article'),
  fields: $('#ev-fields'),
  exportCsv: $('#export-csv'),
  exportJsonl: $('#export-jsonl'),
};

// ---- state ↔ URL ↔ form ----------------------------------------------------------------------------------------

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.filter = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) state.filter[k] = v;
  }
  const ev = Number(p.get('event'));
  state.eventId = Number.isInteger(ev) && ev > 0 ? ev : null;
  state.tab = p.get('tab') === 'charts' ? 'charts' : 'list';
}

function writeUrl(push) {
  const params = { ...state.filter };
  if (state.eventId) params.event = state.eventId;
  if (state.tab === 'charts') params.tab = 'charts';
  const url = location.pathname + queryString(params);
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function fillForm() {
  ui.q.value = state.filter.text ?? '';
  for (const k of FILTER_KEYS) {
    if (k === 'text') continue;
    const input = ui.form.elements.namedItem(k);
    if (input) input.value = state.filter[k] ?? '';
  }
}

function readForm() {
  const f = {};
  const text = ui.q.value.trim();
  if (text) f.text = text;
  for (const k of FILTER_KEYS) {
    if (k === 'text') continue;
    const v = ui.form.elements.namedItem(k)?.value?.trim();
    if (v) f[k] = v;
  }
  return f;
}

// ---- errors ----------------------------------------------------------------------------------------------------

function showError(err) {
  if (err?.name === 'AbortError') return;
  if (err instanceof ApiError && err.status === 401) {
    $('#token-box').hidden = false;
    ui.error.textContent = t('token.needed');
  } else ui.error.textContent = `${t('error.prefix')}: ${err?.message ?? String(err)}`;
  ui.error.hidden = false;
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
}

// ---- results ---------------------------------------------------------------------------------------------------

function placeOf(e) {
  const p = e.place;
  return [p.commune, p.district, p.province].filter(Boolean).join(', ') || e.places.new.province || '';
}

function resultItem(e) {
  const button = el(
    'button',
    { type: 'button', class: 'result', dataset: { id: String(e.id), type: e.type } },
    el(
      'span',
      { class: 'line1' },
      el('span', { class: 'date' }, e.date ?? e.sortDate),
      el('span', { class: `badge type-${e.type}` }, t(`type.${e.type}`)),
      el('span', { class: 'place' }, placeOf(e) || t('results.noPlace')),
    ),
    el('span', { class: 'title' }, e.title || t('results.noTitle')),
    e.leadOfficial
      ? el('span', { class: 'lead' }, e.leadOfficial.name, e.leadOfficial.title ? ` — ${e.leadOfficial.title}` : '')
      : null,
    e.directives.length ? el('span', { class: 'dirs' }, e.directives.join(' · ')) : null,
  );
  if (e.id === state.eventId) button.setAttribute('aria-current', 'true');
  return el('li', {}, button);
}

function renderSummary() {
  if (state.total === null) ui.summary.textContent = '';
  else if (state.total === 0) ui.summary.textContent = t('results.none');
  else ui.summary.textContent = t('results.count', { n: formatNumber(state.total) });
}

async function loadResults(reset) {
  listAbort?.abort();
  const abort = new AbortController();
  listAbort = abort;
  ui.results.setAttribute('aria-busy', 'true');
  try {
    if (reset) {
      // The list shows as soon as its page arrives; the counts (slower on a large store) follow.
      const facetsP = getJson('/api/facets', { ...state.filter, limit: 20 }, abort.signal);
      facetsP.catch(() => undefined);
      const page = await getJson('/api/events', { ...state.filter, limit: PAGE_SIZE }, abort.signal);
      clear(ui.results);
      append(ui.results, page.items.map(resultItem));
      state.next = page.next;
      ui.more.hidden = !state.next;
      state.total = null;
      state.facets = null;
      renderSummary();
      const facets = await facetsP;
      state.facets = facets;
      state.total = facets.total;
    } else {
      const page = await getJson('/api/events', { ...state.filter, limit: PAGE_SIZE, after: state.next }, abort.signal);
      append(ui.results, page.items.map(resultItem));
      state.next = page.next;
    }
    renderSummary();
    ui.more.hidden = !state.next;
    clearError();
    if (state.tab === 'charts') await loadCharts();
  } catch (err) {
    showError(err);
  } finally {
    if (listAbort === abort) ui.results.setAttribute('aria-busy', 'false');
  }
}

// ---- event view ------------------------------------------------------------------------------------------------

function metaRow(dl, key, value) {
  if (value === null || value === undefined || value === '') return;
  append(dl, el('dt', {}, t(key)), el('dd', {}, value));
}

async function openEvent(id, push) {
  state.eventId = id;
  writeUrl(push);
  for (const b of ui.results.querySelectorAll('button.result'))
    b.toggleAttribute('aria-current', b.dataset.id === String(id));
  try {
    const d = await getJson(`/api/events/${encodeURIComponent(id)}`);
    $('#ev-title').textContent = d.article.title || t('results.noTitle');
    // Only web links: an article URL is data, and javascript: or data: must never become a link.
    const source = clear($('#ev-source'));
    if (/^https?:\/\//i.test(d.article.url))
      source.append(
        el('a', { href: d.article.url, target: '_blank', rel: 'noopener noreferrer nofollow' }, t('event.source')),
        ` · ${d.article.site ?? ''}`,
      );
    const dl = clear($('#ev-meta'));
    metaRow(dl, 'meta.type', t(`type.${d.type}`));
    const basis = d.event.dateBasis ? ` (${t(`meta.dateBasis.${d.event.dateBasis}`)})` : '';
    metaRow(dl, 'meta.date', d.date ? `${d.date}${basis}` : null);
    metaRow(dl, 'meta.place', placeOf(d));
    if (d.places.new.province && d.places.new.province !== d.place.province)
      metaRow(dl, 'meta.placeNew', d.places.new.province);
    metaRow(dl, 'meta.published', d.article.publishedAt?.slice(0, 10));
    metaRow(dl, 'meta.site', d.article.site);
    metaRow(dl, 'meta.confidence', d.confidence.toFixed(2));
    renderFields(ui.fields, d.spans);
    renderArticle(ui.article, d.text, d.spans);
    ui.article.scrollTop = 0;
    ui.pane.hidden = false;
    ui.pane.dataset.eventId = String(d.id);
    clearError();
  } catch (err) {
    showError(err);
  }
}

function closeEvent() {
  state.eventId = null;
  ui.pane.hidden = true;
  delete ui.pane.dataset.eventId;
  for (const b of ui.results.querySelectorAll('button.result')) b.removeAttribute('aria-current');
  writeUrl(true);
}

// ---- charts ----------------------------------------------------------------------------------------------------

async function loadCharts() {
  const panel = $('#charts-panel');
  panel.setAttribute('aria-busy', 'true');
  try {
    const [byProvince, byType, facets] = await Promise.all([
      getJson('/api/trends', { ...state.filter, by: 'province', top: 6 }),
      getJson('/api/trends', { ...state.filter, by: 'type', top: 7 }),
      state.facets ? Promise.resolve(state.facets) : getJson('/api/facets', { ...state.filter, limit: 20 }),
    ]);
    renderCharts({ byProvince, byType, facets });
  } catch (err) {
    showError(err);
  } finally {
    panel.setAttribute('aria-busy', 'false');
  }
}

function showTab(tab, push) {
  state.tab = tab;
  $('#tab-list').setAttribute('aria-selected', String(tab === 'list'));
  $('#tab-charts').setAttribute('aria-selected', String(tab === 'charts'));
  $('#list-panel').hidden = tab !== 'list';
  $('#charts-panel').hidden = tab !== 'charts';
  writeUrl(push);
  // On load and on history moves the charts come with the results (loadResults).
  if (tab === 'charts' && push) loadCharts();
}

// ---- export and lookups ----------------------------------------------------------------------------------------

function updateExportLinks() {
  ui.exportCsv.href = `/api/export${queryString({ ...state.filter, format: 'csv' })}`;
  ui.exportJsonl.href = `/api/export${queryString({ ...state.filter, format: 'jsonl' })}`;
}

function onExportClick(e) {
  if (!token()) return; // a plain download link: the browser streams it to disk
  e.preventDefault();
  const a = e.currentTarget;
  const format = a.id === 'export-csv' ? 'csv' : 'jsonl';
  downloadWithToken(a.href, `vnevents.${format}`).catch(showError);
}

function fillDatalist(id, values) {
  const list = clear($(id));
  for (const v of values) list.append(el('option', { value: v }));
}

async function loadLookups() {
  try {
    const f = await getJson('/api/facets', { limit: 100 });
    fillDatalist('#province-list', f.province.map((b) => b.key).filter(Boolean));
    fillDatalist('#directive-list', f.directive.map((b) => b.key).filter(Boolean));
  } catch (err) {
    showError(err);
  }
}

let officialTimer = null;
function onOfficialInput(e) {
  clearTimeout(officialTimer);
  const q = e.target.value.trim();
  if (q.length < 2) return;
  officialTimer = setTimeout(async () => {
    try {
      const r = await getJson('/api/officials', { q, limit: 10 });
      fillDatalist(
        '#official-list',
        r.items.map((m) => m.name),
      );
    } catch (err) {
      showError(err);
    }
  }, 250);
}

// ---- wiring ----------------------------------------------------------------------------------------------------

function fillTypes() {
  const keep = ui.typeSelect.value;
  for (const o of [...ui.typeSelect.options]) if (o.value) o.remove();
  for (const type of EVENT_TYPES) ui.typeSelect.append(el('option', { value: type }, t(`type.${type}`)));
  ui.typeSelect.value = keep;
}

function relabel() {
  applyLabels();
  const other = lang() === 'vi' ? 'en' : 'vi';
  const button = $('#lang');
  button.textContent = t('lang');
  button.setAttribute('aria-label', t('langName'));
  button.setAttribute('lang', other);
  fillTypes();
  renderSummary();
  for (const b of ui.results.querySelectorAll('.badge')) b.textContent = t(`type.${b.closest('button').dataset.type}`);
}

function applyFilter() {
  state.filter = readForm();
  state.next = null;
  writeUrl(true);
  updateExportLinks();
  loadResults(true);
}

ui.search.addEventListener('submit', (e) => {
  e.preventDefault();
  applyFilter();
});
ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  applyFilter();
});
ui.typeSelect.addEventListener('change', applyFilter);
$('#clear').addEventListener('click', () => {
  ui.form.reset();
  ui.q.value = '';
  applyFilter();
});
ui.more.addEventListener('click', () => loadResults(false));
ui.results.addEventListener('click', (e) => {
  const b = e.target.closest('button.result');
  if (b) openEvent(Number(b.dataset.id), true);
});
$('#ev-close').addEventListener('click', closeEvent);
$('#tab-list').addEventListener('click', () => showTab('list', true));
$('#tab-charts').addEventListener('click', () => showTab('charts', true));
ui.exportCsv.addEventListener('click', onExportClick);
ui.exportJsonl.addEventListener('click', onExportClick);
ui.form.elements.namedItem('official').addEventListener('input', onOfficialInput);
$('#lang').addEventListener('click', () => {
  setLang(lang() === 'vi' ? 'en' : 'vi');
  relabel();
  if (state.tab === 'charts') loadCharts();
  if (state.eventId) openEvent(state.eventId, false);
});
$('#token-save').addEventListener('click', () => {
  setToken($('#token').value.trim());
  $('#token').value = '';
  $('#token-box').hidden = true;
  loadLookups();
  loadResults(true);
});
window.addEventListener('popstate', () => {
  readUrl();
  fillForm();
  updateExportLinks();
  showTab(state.tab, false);
  loadResults(true);
  if (state.eventId) openEvent(state.eventId, false);
  else ui.pane.hidden = true;
});
wireEvidence(ui.article, ui.fields);

readUrl();
relabel();
fillForm();
updateExportLinks();
showTab(state.tab, false);
loadLookups();
loadResults(true);
if (state.eventId) openEvent(state.eventId, false);

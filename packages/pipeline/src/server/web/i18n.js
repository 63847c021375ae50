// Labels of the page in Vietnamese (default) and English. Elements carry data-i18n="key" (text) or
// data-i18n-placeholder="key"; code asks t('key').

const LABELS = {
  vi: {
    'app.title': 'vnevents — Tra cứu sự kiện',
    'app.subtitle': 'Tra cứu sự kiện',
    'search.label': 'Tìm trong nội dung bài viết',
    'search.placeholder': 'Tìm trong bài viết (có hoặc không dấu), ví dụ: kết luận 114',
    'search.button': 'Tìm',
    'token.label': 'Mã truy cập',
    'token.save': 'Lưu',
    'token.needed': 'Máy chủ yêu cầu mã truy cập (VNEVENTS_API_TOKEN). Nhập mã rồi bấm Lưu.',
    'filters.title': 'Bộ lọc',
    'filters.from': 'Từ ngày',
    'filters.to': 'Đến ngày',
    'filters.province': 'Tỉnh, thành phố',
    'filters.type': 'Loại sự kiện',
    'filters.anyType': 'Tất cả',
    'filters.directive': 'Văn bản (số hiệu)',
    'filters.official': 'Cán bộ',
    'filters.apply': 'Áp dụng',
    'filters.clear': 'Xoá bộ lọc',
    'export.title': 'Xuất dữ liệu',
    'export.hint': 'Mọi sự kiện khớp với bộ lọc hiện tại.',
    'export.csv': 'Xuất CSV',
    'export.jsonl': 'JSONL',
    'tabs.list': 'Kết quả',
    'tabs.charts': 'Xu hướng',
    'results.count': '{n} sự kiện',
    'results.none': 'Không có sự kiện nào khớp với bộ lọc.',
    'results.more': 'Xem thêm',
    'results.loading': 'Đang tải…',
    'results.noTitle': '(không có tiêu đề)',
    'results.noPlace': 'không rõ địa bàn',
    'charts.byProvince': 'Sự kiện theo tháng, theo tỉnh',
    'charts.byType': 'Sự kiện theo tháng, theo loại',
    'charts.directives': 'Văn bản được dẫn nhiều nhất',
    'charts.others': 'Khác',
    'charts.events': 'Số sự kiện',
    'event.close': 'Đóng',
    'event.source': 'Bài gốc',
    'event.fields': 'Trường và bằng chứng',
    'event.fieldsHint': 'Bấm vào một trường để xem đoạn văn chứng minh nó.',
    'event.article': 'Bài viết',
    'event.noSpans': 'Sự kiện này không có trường nào kèm bằng chứng.',
    'meta.type': 'Loại',
    'meta.date': 'Ngày',
    'meta.place': 'Địa bàn',
    'meta.placeNew': 'Địa bàn (sau sắp xếp 2025)',
    'meta.published': 'Ngày đăng',
    'meta.site': 'Trang',
    'meta.confidence': 'Độ tin cậy',
    'meta.dateBasis.text': 'ghi trong bài',
    'meta.dateBasis.publication': 'theo ngày đăng',
    'meta.dateBasis.inferred': 'suy ra',
    'field.type': 'Loại sự kiện',
    'field.date': 'Ngày',
    'field.leadOfficial': 'Trưởng đoàn',
    'field.officials': 'Cán bộ',
    'field.leadUnit': 'Cơ quan chủ trì',
    'field.targetUnits': 'Đơn vị làm việc',
    'field.location': 'Địa bàn',
    'field.directives': 'Văn bản',
    'field.results': 'Kết quả',
    'field.metrics': 'Số liệu',
    'field.limitations': 'Hạn chế',
    'field.recommendations': 'Đề nghị',
    'field.proposals': 'Kiến nghị',
    'type.inspection': 'Kiểm tra',
    'type.supervision': 'Giám sát',
    'type.working_session': 'Làm việc',
    'type.briefing': 'Giao ban',
    'type.review': 'Sơ kết, tổng kết',
    'type.conference': 'Hội nghị',
    'type.other': 'Khác',
    'error.prefix': 'Lỗi',
    lang: 'EN',
    langName: 'English',
  },
  en: {
    'app.title': 'vnevents — Event search',
    'app.subtitle': 'Event search',
    'search.label': 'Search the article text',
    'search.placeholder': 'Search the articles (with or without diacritics), e.g. ket luan 114',
    'search.button': 'Search',
    'token.label': 'Access token',
    'token.save': 'Save',
    'token.needed': 'This server needs an access token (VNEVENTS_API_TOKEN). Enter it and press Save.',
    'filters.title': 'Filters',
    'filters.from': 'From',
    'filters.to': 'To',
    'filters.province': 'Province',
    'filters.type': 'Event type',
    'filters.anyType': 'Any',
    'filters.directive': 'Directive (reference)',
    'filters.official': 'Official',
    'filters.apply': 'Apply',
    'filters.clear': 'Clear filters',
    'export.title': 'Export',
    'export.hint': 'Every event matching the current filter.',
    'export.csv': 'Export CSV',
    'export.jsonl': 'JSONL',
    'tabs.list': 'Results',
    'tabs.charts': 'Trends',
    'results.count': '{n} events',
    'results.none': 'No event matches the filter.',
    'results.more': 'Load more',
    'results.loading': 'Loading…',
    'results.noTitle': '(untitled)',
    'results.noPlace': 'place unknown',
    'charts.byProvince': 'Events per month, by province',
    'charts.byType': 'Events per month, by type',
    'charts.directives': 'Most-cited directives',
    'charts.others': 'Others',
    'charts.events': 'Events',
    'event.close': 'Close',
    'event.source': 'Source article',
    'event.fields': 'Fields and evidence',
    'event.fieldsHint': 'Click a field to see the passage that proves it.',
    'event.article': 'Article',
    'event.noSpans': 'This event has no field with evidence.',
    'meta.type': 'Type',
    'meta.date': 'Date',
    'meta.place': 'Place',
    'meta.placeNew': 'Place (after the 2025 merger)',
    'meta.published': 'Published',
    'meta.site': 'Site',
    'meta.confidence': 'Confidence',
    'meta.dateBasis.text': 'stated in the text',
    'meta.dateBasis.publication': 'from the publication date',
    'meta.dateBasis.inferred': 'inferred',
    'field.type': 'Event type',
    'field.date': 'Date',
    'field.leadOfficial': 'Lead official',
    'field.officials': 'Officials',
    'field.leadUnit': 'Lead body',
    'field.targetUnits': 'Bodies visited',
    'field.location': 'Place',
    'field.directives': 'Directives',
    'field.results': 'Results',
    'field.metrics': 'Figures',
    'field.limitations': 'Shortcomings',
    'field.recommendations': 'Recommendations',
    'field.proposals': 'Proposals',
    'type.inspection': 'Inspection',
    'type.supervision': 'Supervision',
    'type.working_session': 'Working session',
    'type.briefing': 'Briefing',
    'type.review': 'Review',
    'type.conference': 'Conference',
    'type.other': 'Other',
    'error.prefix': 'Error',
    lang: 'VI',
    langName: 'Tiếng Việt',
  },
};

export const EVENT_TYPES = [
  'inspection',
  'supervision',
  'working_session',
  'briefing',
  'review',
  'conference',
  'other',
];

const STORAGE_KEY = 'vnevents.lang';
let current = 'vi';
try {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'vi') current = saved;
} catch {
  // storage disabled: stay in Vietnamese
}

export function lang() {
  return current;
}

/** The label of `key` in the current language, with {name} placeholders filled. */
export function t(key, vars = {}) {
  const s = LABELS[current][key] ?? LABELS.vi[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

/** Relabels every element of the page that names a key. */
export function applyLabels(root = document) {
  document.documentElement.lang = current;
  document.title = t('app.title');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]'))
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'vi';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // storage disabled: the choice lasts until the page is reloaded
  }
}

/** Numbers in the page's language. */
export function formatNumber(n) {
  return new Intl.NumberFormat(current === 'en' ? 'en-US' : 'vi-VN').format(n);
}

/**
 * The menu's own words in Arabic and English. Queue names and "claim next" come from the handbook's
 * terms (shared/domain TERMS), the rest match the renderer's dictionary where it has the same word.
 */
export type MenuLang = 'ar' | 'en';

export const MENU_WORDS = {
  file: { ar: 'ملف', en: 'File' },
  print: { ar: 'طباعة…', en: 'Print…' },
  export: { ar: 'تصدير…', en: 'Export…' },
  signOut: { ar: 'تسجيل الخروج', en: 'Sign out' },
  quit: { ar: 'إنهاء', en: 'Quit' },
  edit: { ar: 'تحرير', en: 'Edit' },
  undo: { ar: 'تراجع', en: 'Undo' },
  redo: { ar: 'إعادة', en: 'Redo' },
  cut: { ar: 'قص', en: 'Cut' },
  copy: { ar: 'نسخ', en: 'Copy' },
  paste: { ar: 'لصق', en: 'Paste' },
  selectAll: { ar: 'تحديد الكل', en: 'Select all' },
  view: { ar: 'عرض', en: 'View' },
  zoomIn: { ar: 'تكبير', en: 'Zoom in' },
  zoomOut: { ar: 'تصغير', en: 'Zoom out' },
  resetZoom: { ar: 'الحجم الفعلي', en: 'Actual size' },
  fullScreen: { ar: 'ملء الشاشة', en: 'Full screen' },
  reload: { ar: 'إعادة التحميل (تطوير)', en: 'Reload (development)' },
  devTools: { ar: 'أدوات المطور (تطوير)', en: 'Developer tools (development)' },
  go: { ar: 'انتقال', en: 'Go' },
  search: { ar: 'بحث', en: 'Search' },
  help: { ar: 'مساعدة', en: 'Help' },
  shortcuts: { ar: 'اختصارات لوحة المفاتيح', en: 'Keyboard shortcuts' },
  about: { ar: 'حول مكتب مراجعة طلبات ممارس', en: 'About Mumaris Review Desk' },
  appName: { ar: 'مكتب مراجعة طلبات ممارس', en: 'Mumaris Review Desk' },
  version: { ar: 'الإصدار', en: 'Version' },
  database: { ar: 'قاعدة البيانات', en: 'Database' },
  licences: { ar: 'التراخيص', en: 'Licences' },
  ok: { ar: 'حسنًا', en: 'OK' },
} as const satisfies Record<string, Record<MenuLang, string>>;

export type MenuWord = keyof typeof MENU_WORDS;
export const word = (lang: MenuLang, key: MenuWord): string => MENU_WORDS[key][lang];

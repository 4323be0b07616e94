/** The attachment viewer (#17): zoom, pages and thumbnails, two versions side by side. */
export const VIEWER_MESSAGES = {
  zoomIn: { ar: 'تكبير', en: 'Zoom in' },
  zoomOut: { ar: 'تصغير', en: 'Zoom out' },
  fitWidth: { ar: 'ملاءمة العرض', en: 'Fit width' },
  rotate: { ar: 'تدوير', en: 'Rotate' },
  uploaded: { ar: 'رفع في', en: 'uploaded' },
  issued: { ar: 'مؤرخ', en: 'dated' },
  attachmentVersion: { ar: 'النسخة {n}', en: 'v{n}' },
  viewerPageOf: { ar: 'صفحة {n} من {total}', en: 'Page {n} of {total}' },
  viewerGoToPage: { ar: 'الانتقال إلى صفحة', en: 'Go to page' },
  viewerThumbnails: { ar: 'مصغرات الصفحات', en: 'Page thumbnails' },
  viewerPage: { ar: 'صفحة {n}', en: 'Page {n}' },
  viewerCompare: { ar: 'مقارنة بالنسخة السابقة', en: 'Compare with the earlier version' },
  viewerCompareClose: { ar: 'إغلاق المقارنة', en: 'Close the comparison' },
  viewerEarlier: { ar: 'النسخة {n} (السابقة)', en: 'Version {n} (earlier)' },
  viewerLater: { ar: 'النسخة {n} (الجديدة)', en: 'Version {n} (new)' },
  viewerCompareTitle: { ar: 'النسختان جنباً إلى جنب', en: 'The two versions side by side' },
} as const;

/** Importing request bundles (.zip) by hand. */
export const INTAKE_MESSAGES = {
  import: { ar: 'استيراد الطلبات', en: 'Import requests' },
  importDrop: { ar: 'اسحب حزم الطلبات (ملفات zip) وأفلتها هنا', en: 'Drag request bundles (.zip files) and drop them here' },
  importChoose: { ar: 'اختيار ملفات', en: 'Choose files' },
  importOnlyZip: { ar: 'يقبل الاستيراد من هنا ملفات zip فقط', en: 'Only .zip bundles can be imported here' },
  imported: { ar: 'مستورد', en: 'Imported' },
  refused: { ar: 'مرفوض', en: 'Refused' },
  resubmissionOf: { ar: 'إعادة تقديم', en: 'Resubmission' },
} as const;

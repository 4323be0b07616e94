/** IPC channel names, shared by the main process and the preload (which may use only these). */
export const CHANNELS = {
  call: 'desk:call',
  setLanguage: 'shell:set-language',
  printPdf: 'shell:print-pdf',
  menuCommand: 'shell:menu-command',
  navigate: 'shell:navigate',
} as const;

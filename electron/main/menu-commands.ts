/** What the menu asks of the page (menu.ts sends, the preload passes only these, the renderer answers). */
import { QUEUES, type QueueId } from '../../shared/domain/statuses';

export type MenuCommand = 'print' | 'export' | 'sign-out' | 'search' | 'claim-next' | 'shortcuts' | `queue:${QueueId}`;

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'print',
  'export',
  'sign-out',
  'search',
  'claim-next',
  'shortcuts',
  ...QUEUES.map((q) => `queue:${q}` as const),
];

export const isMenuCommand = (v: unknown): v is MenuCommand => typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v);

/** The desktop app's updates as the Settings page shows them (About and updates). */
export type UpdateChannel = 'latest' | 'beta';

export interface UpdateCheck {
  /** ISO instant of the check. */
  at: string;
  /** none: up to date; downloaded: installed at the next quit; failed: see message. */
  outcome: 'none' | 'available' | 'downloaded' | 'failed';
  /** The version offered, when one is. */
  version?: string;
  message?: string;
}

export interface UpdatesView {
  version: string;
  channel: UpdateChannel;
  /** The admin's update server (updates.json in the desk folder); null: updates are not checked. */
  feedUrl: string | null;
  /** The settings file an admin edits, when the desk has a folder. */
  settingsFile: string | null;
  lastCheck: UpdateCheck | null;
  /** The settings file is there but cannot be used (what to fix). */
  problem: string | null;
}

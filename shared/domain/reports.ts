/** Exports and the supervisor's dashboard. */

/** A background export, as the app polls it. */
export interface ExportJobView {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  fileName: string;
  /** The file, once written. */
  url: string | null;
  error: string | null;
}

/** The supervisor's figures for a date range (Riyadh days) and, optionally, one service. */
export interface DashboardFigures {
  from: string;
  to: string;
  today: string;
  slaWorkingDays: number;
  byStatus: Array<{ status: string; count: number }>;
  byService: Array<{ service: string; count: number }>;
  perDay: Array<{ day: string; intake: number; decisions: number }>;
  /** Requests waiting on the desk now, by working days since submission. */
  ageing: Array<{ bucket: string; band: 'within' | 'over' | 'late'; count: number }>;
  reviewers: Array<{ name: string; decisions: number; approved: number; rejected: number; medianDaysToDecision: number | null }>;
  returns: { count: number; reasons: Array<{ text: string; count: number }> };
  refundsPaid: { count: number; totalHalalas: number };
}

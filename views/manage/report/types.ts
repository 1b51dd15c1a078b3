/** What the report shows of one candidate's attempt. */
import type { Decision } from '../../../src/engine/decisions';
import type { AttemptRegradeRecord } from '../../../src/engine/regrade';
import type { TestResult } from '../../../src/grading/types';
import type { CandidateRow } from '../../../src/manage/candidates';
import type { TimelineEntry } from '../../../src/manage/timeline';

export interface NoteEntry {
  body: string;
  authorName: string;
  createdAt: number;
}

export interface DecisionEntry {
  decision: Decision;
  decidedBy: string;
  decidedAt: number;
}

export interface ReportQuestion {
  position: number;
  questionId: string;
  areaTitle: string;
  topic: string;
  type: string;
  difficulty: number;
  promptHtml: string;
  answerHtml: string;
  correctHtml: string;
  explanationHtml: string;
  /** A variant question's values for this candidate ("n = 5, op = *"), null for a fixed question. */
  values: string | null;
  ref: string | null;
  answered: boolean;
  credit: number;
  timeSpentMs: number;
  flagged: boolean;
  /** A code or SQL answer's hidden tests as graded at the finish; null for other types or when not graded. */
  tests: TestResult[] | null;
}

/** A regrade that moved this attempt's score: what was decided about which question, before and after. */
export interface RegradeNote extends AttemptRegradeRecord {
  /** "Accept an additional answer: C", as the queue words it. */
  what: string;
}

/** A candidate's group label as stored, and the form's state after a post. */
export interface GroupLabelView {
  invitationId: string;
  value: string | null;
  canEdit: boolean;
  /** The labels the team gives already, offered as the field's suggestions so one group is not split by spelling. */
  suggestions: string[];
  /** What was typed, kept when it was refused. */
  draft?: string;
  error?: string;
  /** Just saved (an htmx answer says so in place). */
  saved?: boolean;
}

export interface ReportView {
  row: CandidateRow & { attemptId: string };
  assessment: { id: string; title: string; version: number; passMark: number };
  areaTitles: Record<string, string>;
  /** Finished candidates of the assessment other than this one: what the percentile ranks against. */
  others: number;
  questions: ReportQuestion[];
  /** Regrades that changed this attempt's score, oldest first. */
  regrades?: RegradeNote[];
  /** The team's own group label for the adverse-impact view, and whether this member may set it. */
  groupLabel?: GroupLabelView;
  timeline: TimelineEntry[];
  notes: NoteEntry[];
  decisions: DecisionEntry[];
  canDecide: boolean;
  notice?: string;
  errors?: { note?: string; decision?: string };
  draft?: { note?: string; reason?: string; decision?: string };
}

/** An assessment's invitations as the page shows them. */
import type { RecipientProblem } from '../../../src/email/recipients';
import type { InvitationStatus } from '../../../src/engine/invitation-state';
import type { FormErrors } from '../../components/form';

export interface InvitationItem {
  id: string;
  name: string;
  email: string;
  status: InvitationStatus;
  createdAt: number;
  sentAt: number | null;
  expiresAt: number;
  extraSeconds: number;
  /** The candidate's link, for invitations that can still be opened; null otherwise. */
  link: string | null;
}

export interface InvitationsView {
  assessment: {
    id: string;
    title: string;
    version: number;
    timeLimitSeconds: number;
    questionCount: number;
    /** Why no one can be invited now (archived, replaced, closed), or null. */
    closedReason: string | null;
  };
  /** Other versions of this assessment that have invitations, to find people invited before an edit. */
  otherVersions: { id: string; version: number; invitations: number }[];
  items: InvitationItem[];
  canEdit: boolean;
  emailMode: 'webhook' | 'log';
  defaultExpiryDays: number;
  notice?: { kind: 'ok' | 'warn' | 'error'; text: string };
  single: { values: Record<string, string>; errors: FormErrors };
  bulk: { values: Record<string, string>; errors: FormErrors; problems: RecipientProblem[]; summary?: string };
}

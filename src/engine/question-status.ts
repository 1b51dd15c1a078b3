/**
 * A question's life in the database. Public questions are active while their file has them and
 * retired once gone (never deleted: attempts keep pointing at the versions they showed), active
 * again if they return. A private question starts as a draft, goes to review, and is drawn only
 * once active; retiring it keeps every version.
 */
export const questionStatuses = ['draft', 'review', 'active', 'retired'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/**
 * A bank question's life in the database: active while its file has it, retired once it is gone
 * (never deleted: attempts keep pointing at the versions they showed), active again if it returns.
 */
export const questionStatuses = ['active', 'retired'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

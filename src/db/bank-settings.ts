/** The organization's rule for its private bank: whether a question needs a second person to go live. */
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { organizations } from './schema';

export async function questionApprovalRequired(db: Db, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ required: organizations.requireQuestionApproval })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row?.required ?? false;
}

export async function setQuestionApproval(db: Db, orgId: string, required: boolean): Promise<void> {
  await db.update(organizations).set({ requireQuestionApproval: required }).where(eq(organizations.id, orgId));
}

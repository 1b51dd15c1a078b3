import { Hono } from 'hono';
import { PoolPage, type PoolQuestion, type PoolView, poolTitle } from '../../../views/manage/assessment-preview/pool';
import { can } from '../../auth/permissions';
import { blueprintSources, poolListing } from '../../db/blueprint-sources';
import { bandOf } from '../../engine/blueprint';
import { countByBand, planBands } from '../../engine/draw';
import { drawProblemsOf } from '../../manage/draw-problems';
import { promptExcerpt } from '../../manage/prompt-excerpt';
import { requireAssessment } from '../../manage/require-assessment';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

export const assessmentPoolRoutes = new Hono<ManageEnv>();

/** Every question each section of an assessment can draw, with counts, bands and exposure: the whole pool, not one draw. */
assessmentPoolRoutes.get('/app/assessments/:id/pool', requireCapability('assessment.view'), async (c) => {
  const db = c.get('deps').db;
  const row = await requireAssessment(c);
  const [sources, listing, problems] = await Promise.all([
    blueprintSources(db, row.orgId),
    poolListing(db, row.orgId, row.blueprint),
    row.status === 'archived' ? [] : drawProblemsOf(db, row),
  ]);
  const pinned = new Set(row.blueprint.pinned ?? []);
  const questionsOf = (area: string): PoolQuestion[] =>
    listing
      .filter((q) => q.area === area)
      .map((q) => ({
        id: q.id,
        topic: q.topic,
        type: q.type,
        difficulty: q.difficulty,
        band: bandOf(q.difficulty),
        exposure: q.exposure,
        excerpt: promptExcerpt(q.promptHtml),
        pinned: pinned.has(q.id),
      }));
  const sectionAreas = new Set(row.blueprint.sections.map((s) => s.area));
  const view: PoolView = {
    assessment: { id: row.id, title: row.title },
    sections: row.blueprint.sections.map((section) => {
      const source = sources.find((s) => s.id === section.area);
      const all = questionsOf(section.area);
      // A section filled by its pinned questions draws nothing else.
      const pinnedHere = all.filter((q) => q.pinned);
      const questions = pinnedHere.length >= section.count ? pinnedHere : all;
      const byBand = countByBand(questions);
      return {
        id: section.area,
        title: source?.title ?? section.area,
        private: source?.private ?? false,
        count: section.count,
        plan: planBands(section.count, section.mix, byBand, countByBand(pinnedHere)),
        byBand,
        questions,
      };
    }),
    extraPinned: [...new Set(listing.map((q) => q.area))]
      .filter((area) => !sectionAreas.has(area))
      .flatMap((area) => questionsOf(area).filter((q) => q.pinned)),
    problems,
    editHref: can(c.get('member'), 'assessment.edit') ? `/app/assessments/${row.id}/edit` : undefined,
  };
  c.header('Cache-Control', 'no-store');
  return c.render(<PoolPage view={view} />, { title: poolTitle(view), workspace: 'assessments' });
});

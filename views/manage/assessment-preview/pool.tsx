/**
 * The whole pool of an assessment: per section, every question a draw can give a candidate, with
 * its difficulty band and how often this organization's draws took it, so a manager sees what one
 * random preview cannot show.
 */
import type { Band } from '../../../src/engine/blueprint';
import type { DrawProblem } from '../../../src/manage/draw-problems';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import { DrawProblems } from '../draw-problems';
import { typeLabels } from '../report/answers';

export interface PoolQuestion {
  id: string;
  topic: string;
  type: string;
  difficulty: number;
  band: Band;
  exposure: number;
  /** The prompt as one line of plain text, shortened. */
  excerpt: string;
  pinned: boolean;
}

export interface PoolSection {
  id: string;
  title: string;
  private: boolean;
  /** Questions each candidate gets from this source, pinned ones included. */
  count: number;
  /** Each candidate's split, as the draw plans it. */
  plan: Record<Band, number>;
  byBand: Record<Band, number>;
  questions: PoolQuestion[];
}

export interface PoolView {
  assessment: { id: string; title: string };
  sections: PoolSection[];
  /** Pinned questions of sources no section names: asked on top. */
  extraPinned: PoolQuestion[];
  /** Why candidates cannot start now (src/manage/draw-problems.ts); empty when they can. */
  problems: DrawProblem[];
  /** The assessment's edit page, for those who may edit it. */
  editHref?: string;
}

export const poolTitle = (view: PoolView) => `Question pool · ${view.assessment.title}`;

function QuestionTable({ caption, questions }: { caption: string; questions: PoolQuestion[] }) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Topic</th>
            <th scope="col">Type</th>
            <th scope="col">Difficulty</th>
            <th scope="col" class="num">
              Drawn so far
            </th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr>
              <td data-label="Question">
                <code>{q.id}</code>
                {q.pinned ? <span class="badge ok">always asked</span> : null}
                <span class="hint">{q.excerpt}</span>
              </td>
              <td data-label="Topic">{q.topic}</td>
              <td data-label="Type">{typeLabels[q.type] ?? q.type}</td>
              <td data-label="Difficulty">
                {q.difficulty} ({q.band})
              </td>
              <td data-label="Drawn so far" class="num">
                {q.exposure}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function PoolPage({ view }: { view: PoolView }) {
  const base = `/app/assessments/${view.assessment.id}`;
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Assessments', href: '/app' },
          { label: view.assessment.title, href: base },
          { label: 'Question pool' },
        ]}
      />
      <h1>Every question a draw can take</h1>
      <DrawProblems problems={view.problems} editHref={view.editHref} />
      <p class="hint">
        Each candidate gets their own draw from these active questions; “drawn so far” counts the attempts of your
        organization that got the question, and the draw prefers the least drawn among equals.{' '}
        <a href={`${base}/preview`}>Preview one draw</a>
      </p>
      {view.sections.map((s) => (
        <section class="panel" aria-labelledby={`pool-${s.id}`}>
          <h2 id={`pool-${s.id}`}>
            {s.title} <span class="badge muted-badge">{s.private ? 'your collection' : 'public area'}</span>
          </h2>
          <p>
            Each candidate gets {plural(s.count, 'question')} ({s.plan.easy} easy · {s.plan.medium} medium ·{' '}
            {s.plan.hard} hard) of {plural(s.questions.length, 'active question')} ({s.byBand.easy} easy ·{' '}
            {s.byBand.medium} medium · {s.byBand.hard} hard).
          </p>
          {s.questions.length > 0 ? (
            <QuestionTable caption={`Questions of ${s.title}`} questions={s.questions} />
          ) : (
            <p class="alert alert-warn">No active question left here: the assessment cannot start until you edit it.</p>
          )}
        </section>
      ))}
      {view.extraPinned.length > 0 ? (
        <section class="panel" aria-labelledby="pool-pinned">
          <h2 id="pool-pinned">Always asked, on top of the sections</h2>
          <QuestionTable caption="Pinned questions outside the sections" questions={view.extraPinned} />
        </section>
      ) : null}
    </>
  );
}

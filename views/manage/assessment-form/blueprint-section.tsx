import type { Band } from '../../../src/engine/blueprint';
import { describedBy, FieldError, TextArea } from '../../components/form';
import { plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import type { AssessmentFormView } from './types';

const bandLabels: Record<Band, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

/**
 * A number input in a table cell: its label is the column and row, so it is hidden, and its error
 * is in a row of its own under the inputs.
 */
function CellInput(props: {
  name: string;
  value: string;
  label: string;
  error?: string;
  min: number;
  max: number;
  describedBy?: string;
  /** Where the error message is, when it is not this input's own `-error` paragraph. */
  errorId?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <>
      <label for={id} class="sr-only">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type="number"
        inputmode="numeric"
        min={String(props.min)}
        max={String(props.max)}
        step="1"
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.describedBy, props.error ? (props.errorId ?? `${id}-error`) : false)}
      />
    </>
  );
}

/** How many questions each candidate gets per source (public area or own collection), their difficulty mix, and pinned questions. */
export function BlueprintSection({ view }: { view: AssessmentFormView }) {
  const rows = new Map(view.values.rows.map((r) => [r.area, r]));
  const total = view.values.rows.reduce((sum, r) => sum + (/^\d+$/.test(r.count) ? Number(r.count) : 0), 0);
  return (
    <fieldset class="blueprint">
      <legend>Questions</legend>
      <p class="hint" id="blueprint-hint">
        For each public skill area and each of your organization's collections, choose how many questions every
        candidate gets; 0 leaves it out. Each candidate gets their own random draw from its active questions, spread
        over its topics, the least drawn first. The difficulty mix is a ratio between easy (difficulty 1–2), medium (3)
        and hard (4–5) questions: 1 : 2 : 1 means a quarter easy, half medium and a quarter hard; 1 : 0 : 0 means easy
        only. When a band runs short, the draw takes the nearest band instead, so the count is always met.
      </p>
      <FieldError id="f-blueprint" error={view.errors.blueprint} />
      <FieldError id="f-sources" error={view.errors.sources} />
      <TableWrap label="Questions per skill area">
        <table class="blueprint-table">
          <caption class="sr-only">Questions per skill area and their difficulty mix</caption>
          <thead>
            <tr>
              <th scope="col">Skill area</th>
              <th scope="col" class="num">
                Questions
              </th>
              <th scope="col">Difficulty mix (easy : medium : hard)</th>
              <th scope="col">Each candidate gets</th>
            </tr>
          </thead>
          <tbody>
            {view.areas.map((area) => {
              const row = rows.get(area.id) ?? { area: area.id, count: '0', easy: '1', medium: '2', hard: '1' };
              const available = area.byBand.easy + area.byBand.medium + area.byBand.hard;
              const countError = view.errors[`count_${area.id}`];
              const mixError = view.errors[`mix_${area.id}`];
              const plan = view.plans[area.id];
              const availableId = `avail-${area.id}`;
              return (
                <>
                  <tr>
                    <th scope="row">
                      {area.title}
                      {area.private ? <span class="badge muted-badge">your collection</span> : null}
                      <span class="hint" id={availableId}>
                        {plural(available, 'active question')}: {area.byBand.easy} easy · {area.byBand.medium} medium ·{' '}
                        {area.byBand.hard} hard
                      </span>
                    </th>
                    <td class="num" data-label="Questions">
                      <CellInput
                        name={`count_${area.id}`}
                        value={row.count}
                        label={`Questions from ${area.title}`}
                        min={0}
                        max={available}
                        error={countError}
                        describedBy={availableId}
                      />
                    </td>
                    <td data-label="Difficulty mix (easy : medium : hard)">
                      <div class="mix">
                        {(['easy', 'medium', 'hard'] as const).map((band) => (
                          <span>
                            <CellInput
                              name={`${band}_${area.id}`}
                              value={row[band]}
                              label={`${bandLabels[band]} weight for ${area.title}`}
                              min={0}
                              max={100}
                              error={mixError}
                              errorId={`f-mix_${area.id}`}
                            />
                            <span aria-hidden="true" class="small muted">
                              {bandLabels[band].toLowerCase()}
                            </span>
                          </span>
                        ))}
                      </div>
                    </td>
                    <td data-label="Each candidate gets">
                      {plan ? (
                        <span class="small">
                          {plan.easy} easy · {plan.medium} medium · {plan.hard} hard
                        </span>
                      ) : (
                        <span class="small muted">—</span>
                      )}
                    </td>
                  </tr>
                  {countError || mixError ? (
                    <tr class="row-error">
                      <td colspan={4}>
                        {countError ? (
                          <p class="alert alert-error small" id={`f-count_${area.id}-error`}>
                            {countError}
                          </p>
                        ) : null}
                        {mixError ? (
                          <p class="alert alert-error small" id={`f-mix_${area.id}`}>
                            {mixError}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  ) : null}
                </>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td class="num">{total}</td>
              <td colspan={2} class="small muted">
                The split per candidate is shown after you check the draw or save.
              </td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      <TextArea
        name="pinned"
        label="Always ask these questions (optional)"
        hint="Question ids, one per line, from the public bank or your own; every candidate gets them. A pinned question takes one of its area's or collection's seats; an area left at 0 asks just its pinned questions. The bank and the assessment's question pool show the ids."
        rows={3}
        spellcheck={false}
        value={view.values.pinned}
        error={view.errors.pinned}
      />
    </fieldset>
  );
}

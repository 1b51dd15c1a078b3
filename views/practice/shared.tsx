import { formatDateTime } from '../components/format';
import { Time } from '../components/time';
import { ScaleChart } from './charts';
import { type PercentileInfo, percentileSentence } from './percentile';
import { ScaleNote } from './scale-note';

export interface SharedResultView {
  areaTitle: string;
  scaleScore: number;
  uncertainty: number;
  band: string;
  takenAt: number;
  endedByClock: boolean;
  percentile: PercentileInfo;
  checkedAt: number;
}

/** The public page of a result link: what was achieved, and what "verified" does and does not mean. */
export function SharedResultPage({ view }: { view: SharedResultView }) {
  return (
    <section class="panel narrow shared-result" aria-labelledby="shared-title">
      <p class="verified">
        <span class="verified-mark" aria-hidden="true">
          ✓
        </span>{' '}
        Verified by Skillcheck
      </p>
      <h1 id="shared-title">{view.areaTitle}: practice test result</h1>
      <dl class="kpis">
        <div>
          <dt>Score</dt>
          <dd>
            {view.scaleScore} ± {view.uncertainty}
          </dd>
        </div>
        <div>
          <dt>Level</dt>
          <dd>{view.band}</dd>
        </div>
        <div>
          <dt>Taken on</dt>
          <dd>
            <Time at={view.takenAt} format="date" />
          </dd>
        </div>
      </dl>
      <ScaleChart score={view.scaleScore} uncertainty={view.uncertainty} id="shared-scale-title" />
      {/* Read by whoever the link was sent to (and by its owner checking what they see). */}
      <p class="percentile">{percentileSentence(view.percentile, view.areaTitle, 'recipient')}</p>
      {view.endedByClock ? <p class="muted small">The time limit ended this test before its stop rule did.</p> : null}
      <h2>What “verified” means</h2>
      <p>
        This link was issued by this Skillcheck server and signed with its key, and the figures above are read from its
        records at {formatDateTime(view.checkedAt)}, not from the link: they cannot be edited, and the owner can
        withdraw the link at any time. The test was an adaptive practice test taken without supervision, and Skillcheck
        does not check who took it.
      </p>
      <ScaleNote />
    </section>
  );
}

/** A result link that does not verify, or was withdrawn: says which, in words a recipient can act on. */
export const sharedResultProblemTitle = (kind: 'invalid' | 'withdrawn') =>
  kind === 'invalid' ? 'This link is not valid' : 'This result was withdrawn by its owner';

export function SharedResultProblemPage({ kind }: { kind: 'invalid' | 'withdrawn' }) {
  const title = sharedResultProblemTitle(kind);
  return (
    <section class="panel narrow" aria-labelledby="problem-title">
      <h1 id="problem-title">{title}</h1>
      {kind === 'invalid' ? (
        <p>
          This link is not valid: it was not issued by this Skillcheck server, or it was changed or cut short. It proves
          nothing about any result. Ask the person who sent it for the complete link.
        </p>
      ) : (
        <p>
          The link was genuine, but the person it belongs to has withdrawn it, so the result is no longer shown. Ask
          them for a new link if you need it.
        </p>
      )}
    </section>
  );
}

/** The integrity timeline: what was recorded while the candidate took the test, in plain words and in order. */
import { integrityWords } from '../../../src/manage/candidates';
import { formatDuration } from '../../components/format';
import { Time } from '../../components/time';
import type { ReportView } from './types';

export function Integrity({ view }: { view: ReportView }) {
  const words = integrityWords(view.row.integrity);
  return (
    <section class="panel" id="integrity" aria-labelledby="integrity-title">
      <h2 id="integrity-title">Integrity timeline</h2>
      <p>{words.length === 0 ? 'No signals were recorded.' : `Recorded: ${words.join('; ')}.`}</p>
      <p class="muted small">
        These signals are evidence for a person to weigh, never a verdict on their own. People glance at another window
        to check the time or a message, paste their own notes, and laptops change networks (a train's Wi-Fi, a phone's
        hotspot). Read them together with the answers, and ask the candidate when something matters.
      </p>
      <ol class="timeline">
        {view.timeline.map((e) => (
          <li class={e.signal ? 'signal' : undefined}>
            <Time at={e.at} class="mono">
              +{formatDuration(e.offsetMs / 1000)}
            </Time>{' '}
            {e.words}
            {e.signal ? <span class="sr-only"> (signal)</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

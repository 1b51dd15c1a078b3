import { scaleCenter, scaleSpread } from '../../src/engine/scale';

/** The one paragraph that says what a practice score means; every page with a score shows it. */
export function ScaleNote() {
  return (
    <p class="muted small scale-note">
      Scores run from 100 to 300: {scaleCenter} is the average test-taker and every {scaleSpread} points is one standard
      deviation of ability (score = {scaleCenter} + {scaleSpread} × θ, with θ estimated by the adaptive test under a
      two-parameter item response model). The ± is one standard error: the true score lies within it about two times in
      three. Bands: below 150 Foundational, 150–187 Developing, 188–212 Proficient, 213–237 Advanced, 238 and above
      Expert.
    </p>
  );
}

import { execFileSync } from 'node:child_process';

/** The browser tests run the same bundle `npm start` runs; build it once per test run. */
export default function setup() {
  execFileSync('node', ['scripts/build-node.mjs'], { stdio: 'inherit' });
}

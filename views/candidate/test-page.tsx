import { raw } from 'hono/html';
import { filledTemplates } from '../components/filled-template';
import { FormError } from '../components/form';
import { formatDuration } from '../components/format';
import type { PageProps } from '../page';
import { AnswerFields, type QuestionView } from './question';
import { ReportPanel, type ReportPanelView } from './question-report';

export interface NavItem {
  position: number;
  answered: boolean;
  flagged: boolean;
}

export interface TestPageView {
  attemptId: string;
  title: string;
  position: number;
  total: number;
  question: QuestionView;
  seq: number;
  flagged: boolean;
  navigator: NavItem[];
  remainingSeconds: number;
  /** Seconds until saves stop counting (the deadline plus the save grace); the page leaves after that. */
  closesInSeconds?: number;
  /** Adaptive practice moves forward only; assessments allow going back. */
  adaptive: boolean;
  /** Adaptive tests: the most questions this test can ask (it may stop earlier). */
  maxQuestions?: number;
  notice?: string;
  error?: string;
  /** A manager's preview: same page, but nothing posts, no attempt.js, links stay in the preview. */
  preview?: PreviewLinks;
  /** The "report a problem" panel under the question; none in a preview. */
  report?: ReportPanelView;
}

export interface PreviewLinks {
  href: (position: number) => string;
  exitHref: string;
}

const questionHref = (view: TestPageView, position: number) =>
  view.preview ? view.preview.href(position) : `/attempts/${view.attemptId}?q=${position}`;

export function Timer({ remainingSeconds, closesInSeconds }: { remainingSeconds: number; closesInSeconds?: number }) {
  return (
    <div class="timer-wrap">
      <span class="sr-only">Time left: </span>
      <span
        id="timer"
        class="timer"
        role="timer"
        data-remaining={String(remainingSeconds)}
        data-closes={closesInSeconds === undefined ? undefined : String(closesInSeconds)}
      >
        {formatDuration(remainingSeconds)}
      </span>
      <span id="timer-announce" class="sr-only" aria-live="assertive" />
    </div>
  );
}

/** What a navigator link says to a screen reader; attempt.js words it the same way when it changes. */
const navigatorLabel = (item: NavItem) =>
  `Question ${item.position + 1}, ${item.answered ? 'answered' : 'not answered'}${item.flagged ? ', flagged' : ''}`;

const navigatorLinks = filledTemplates(['href', 'classes', 'label', 'position', 'number'] as const);

/**
 * One link of the navigator: the markup is the same for every link but for its strings (one
 * shape for the current question, one for the others), so it is rendered once and filled in.
 */
function navigatorLink(view: TestPageView, item: NavItem): string {
  const current = item.position === view.position;
  const classes = [item.answered ? 'answered' : '', item.flagged ? 'flagged' : '', current ? 'current' : '']
    .filter(Boolean)
    .join(' ');
  const values = {
    href: questionHref(view, item.position),
    classes,
    label: navigatorLabel(item),
    position: String(item.position),
    number: String(item.position + 1),
  };
  return navigatorLinks.fill(current ? 'current' : 'other', values, (hole) =>
    String(
      <li>
        <a
          href={hole.href}
          class={hole.classes}
          aria-label={hole.label}
          aria-current={current ? 'step' : undefined}
          data-position={hole.position}
        >
          {hole.number}
        </a>
      </li>,
    ),
  );
}

function Navigator({ view }: { view: TestPageView }) {
  return (
    <nav class="navigator panel" aria-label="Questions">
      <h2 class="small">Questions</h2>
      <ol>{raw(view.navigator.map((item) => navigatorLink(view, item)).join(''))}</ol>
      <p class="legend">Filled: answered · ⚑ flagged</p>
      {view.preview ? (
        <a class="button secondary small" href={view.preview.exitHref}>
          Leave the preview
        </a>
      ) : (
        <a class="button secondary small" href={`/attempts/${view.attemptId}/finish`}>
          Review and finish
        </a>
      )}
    </nav>
  );
}

/** The script of the test page and the finish page: saving, the timer, moving between questions. */
export const attemptScript = '/static/attempt.js';

/** What the page is to the browser: its title, no site navigation, and attempt.js unless previewing. */
export function testPageProps(view: TestPageView): PageProps {
  return {
    title: `Question ${view.position + 1} · ${view.title}`,
    bare: true,
    scripts: view.preview ? [] : [attemptScript],
  };
}

export function TestPage({ view }: { view: TestPageView }) {
  const answered = view.navigator.filter((n) => n.answered).length;
  return (
    <>
      {view.preview ? <PreviewBanner preview={view.preview} /> : null}
      <div class="test-bar">
        <strong>{view.title}</strong>
        <div class="progress">
          <label class="small" for="progress">
            {view.adaptive
              ? `Question ${view.position + 1} of at most ${view.maxQuestions ?? view.total}`
              : `${answered} of ${view.total} answered`}
          </label>
          <progress
            id="progress"
            max={view.adaptive ? (view.maxQuestions ?? view.total) : view.total}
            value={view.adaptive ? view.position : answered}
          />
        </div>
        <Timer remainingSeconds={view.remainingSeconds} closesInSeconds={view.closesInSeconds} />
      </div>
      <div class={view.adaptive ? '' : 'test-layout'}>
        <div class="test-main">
          <form
            id="answer-form"
            class="question panel"
            method={view.preview ? 'get' : 'post'}
            action={view.preview ? view.preview.href(view.position) : `/attempts/${view.attemptId}/answers`}
            data-attempt={view.attemptId}
            data-position={String(view.position)}
            data-seq={String(view.seq)}
            data-adaptive={view.adaptive ? '1' : '0'}
            novalidate
          >
            <input type="hidden" name="q" value={String(view.position)} />
            <input type="hidden" name="seq" value={String(view.seq + 1)} />
            <QuestionBody view={view} />
            <div id="save-status" class="save-status" role="status" aria-live="polite" />
            <QuestionNav view={view} />
          </form>
          {view.report ? <ReportPanel view={view.report} /> : null}
        </div>
        {view.adaptive ? null : <Navigator view={view} />}
      </div>
    </>
  );
}

type QuestionPart = Pick<
  TestPageView,
  'position' | 'total' | 'question' | 'flagged' | 'adaptive' | 'notice' | 'error' | 'preview'
>;

/** The part of the form that changes from question to question (attempt.js swaps it in place). */
function QuestionBody({ view }: { view: QuestionPart }) {
  return (
    <div class="question-body">
      <h1 class="small muted" tabindex={-1}>
        Question {view.position + 1}
        {view.adaptive ? '' : ` of ${view.total}`}
      </h1>
      {view.notice ? (
        <p class="alert alert-ok" role="status">
          {view.notice}
        </p>
      ) : null}
      <div class="prompt" id="prompt" dangerouslySetInnerHTML={{ __html: view.question.promptHtml }} />
      <div id="answer-error" aria-live="polite">
        <FormError error={view.error} />
      </div>
      <AnswerFields q={view.question} number={view.position + 1} />
      {view.adaptive ? null : (
        <p>
          <label class="flag">
            <input type="checkbox" name="flagged" value="1" checked={view.flagged} /> Flag this question for review
          </label>
        </p>
      )}
    </div>
  );
}

function QuestionNav({ view }: { view: QuestionPart }) {
  const last = view.position === view.total - 1;
  return (
    <div class="question-nav">
      {view.preview ? (
        <PreviewNav view={view} preview={view.preview} />
      ) : view.adaptive ? (
        <button type="submit" name="go" value="next">
          Submit answer and continue
        </button>
      ) : (
        <>
          <button type="submit" name="go" value="prev" class="secondary" disabled={view.position === 0}>
            Previous
          </button>
          {last ? (
            <button type="submit" name="go" value="finish">
              Save and review
            </button>
          ) : (
            <button type="submit" name="go" value="next">
              Save and next
            </button>
          )}
        </>
      )}
    </div>
  );
}

export interface TemplateItem {
  position: number;
  question: QuestionView;
  seq: number;
  answered: boolean;
  flagged: boolean;
  report: ReportPanelView;
}

/**
 * Every question of an assessment attempt, each in an inert <template>, for attempt.js to keep in
 * memory: moving between questions then needs no request, so it keeps working offline. Like the
 * page, a template carries the saved answer and display positions only, never a key.
 */
export function QuestionTemplates({ total, items }: { total: number; items: TemplateItem[] }) {
  return (
    <>
      {items.map((item) => (
        <template
          data-position={String(item.position)}
          data-seq={String(item.seq)}
          data-answered={item.answered ? '1' : '0'}
          data-flagged={item.flagged ? '1' : '0'}
        >
          <QuestionBody view={{ ...item, total, adaptive: false }} />
          <QuestionNav view={{ ...item, total, adaptive: false }} />
          <ReportPanel view={item.report} />
        </template>
      ))}
    </>
  );
}

function PreviewBanner({ preview }: { preview: PreviewLinks }) {
  return (
    <p class="alert alert-warn preview-banner" role="note">
      <strong>Preview: nothing is recorded.</strong> This is what candidates see; answers you choose here are not saved
      and the timer does not run. <a href={preview.exitHref}>Leave the preview</a>
    </p>
  );
}

function PreviewNav({ view, preview }: { view: QuestionPart; preview: PreviewLinks }) {
  return (
    <>
      {view.position > 0 ? (
        <a class="button secondary" href={preview.href(view.position - 1)}>
          Previous
        </a>
      ) : null}
      {view.position < view.total - 1 ? (
        <a class="button" href={preview.href(view.position + 1)}>
          Next question
        </a>
      ) : (
        <a class="button" href={preview.exitHref}>
          End of the preview
        </a>
      )}
    </>
  );
}

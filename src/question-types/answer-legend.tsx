/** The hidden legend that tells a screen reader which question a group of answer controls belongs to. */
export function AnswerLegend({ number }: { number: number }) {
  return <legend class="sr-only">Your answer to question {number}</legend>;
}

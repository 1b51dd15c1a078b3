/** The landing of a private result link: one button, so opening the link (or a mail scanner) changes nothing. */
export function ClaimPage({
  token,
  areaTitle,
  signedIn,
}: {
  token: string;
  areaTitle: string;
  signedIn: { name: string } | null;
}) {
  return (
    <section class="panel narrow" aria-labelledby="claim-title">
      <h1 id="claim-title">Open your practice result</h1>
      <p>
        This private link opens your {areaTitle} practice result in this browser, where you can see it, share it or
        withdraw its result link.
        {signedIn ? ` It will also be added to the history of your account (${signedIn.name}).` : ''}
      </p>
      <form method="post" action={`/practice/claim/${token}`}>
        <button type="submit">{signedIn ? 'Open and add to my history' : 'Open my result'}</button>
      </form>
    </section>
  );
}

/** How to read what comes back beside the data: notices, an agency that could not answer, and purposes. */
export function Notices() {
  return (
    <details className="nwd-notices">
      <summary>Reading the answers</summary>
      <dl>
        <dt>
          <code>WITHHELD</code>
        </dt>
        <dd>
          An agency&apos;s sharing rule kept a value from you. It comes back empty, never silently: a notice in <code>errors</code> at its
          exact <code>path</code>, with <code>extensions.agency</code> and <code>extensions.rule</code>. A notice says whose rule, never
          what was withheld or how many.
        </dd>
        <dt>
          <code>AGENCY_UNAVAILABLE</code>
        </dt>
        <dd>
          One agency could not answer (down, slow, or unable to write its audit log). Its part is <code>null</code> with this error at its
          path; the other agencies&apos; parts still come back. <code>retryable: true</code> means try again shortly.
        </dd>
        <dt>Purposes</dt>
        <dd>
          Every agency shows a young person&apos;s data only under a legitimate relationship, which <code>accessPurpose {'{ kind }'}</code>{' '}
          names: <code>ALLOCATION</code>, <code>SPECIALIST_INVOLVEMENT</code>, <code>STATUTORY_ROLE</code>, <code>MEETING_INVITATION</code>,{' '}
          <code>ACTION_OWNER</code>, <code>BREAK_GLASS</code> (with a reason, alerted to auditors) or <code>AUDIT</code>. Without one the
          answer is refused. Each look is written in the audit log of the agency whose data it is.
        </dd>
        <dt>Personas</dt>
        <dd>
          Switch persona and run the same operation again: each agency applies its own rules to who is asking. The Docs pane describes every
          type and code in the agencies&apos; own words.
        </dd>
      </dl>
    </details>
  );
}

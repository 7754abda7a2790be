import { agencyNamed } from '../../kit/shared/agencies';
import { withoutOthersIdentifiers } from '../../kit/subgraph/access/identifiers-in-text';

/**
 * A break-glass justification travels to the agency whose record it opens, which must record it; what
 * a worker typed in it of another agency's identity does not (DOMAIN.md §3). The identifiers are
 * DOMAIN.md's valid examples, written as practitioners write them.
 */
const typed = 'Seen with YP-000123 after YP-000123-M4; NHS 943 476 5919 (9434765919), UPN B801200005001, PNC 2008/0056560Z';

describe('a justification as another agency receives it', () => {
  it("keeps the police's own PNC ID and masks social care's ids, the NHS number and the UPN", () => {
    expect(withoutOthersIdentifiers(typed, agencyNamed('police'))).toBe(
      'Seen with [person id] after [person id]; NHS [NHS number] ([NHS number]), UPN [UPN], PNC 2008/0056560Z',
    );
  });

  it("keeps health's own NHS number, in either spelling", () => {
    expect(withoutOthersIdentifiers(typed, agencyNamed('health'))).toBe(
      'Seen with [person id] after [person id]; NHS 943 476 5919 (9434765919), UPN [UPN], PNC [PNC ID]',
    );
  });

  it('leaves words, times and counts as they were typed', () => {
    const words = 'Missing since 21:40 on 05/12, the 3rd time this month; last seen near the station with two older males';
    expect(withoutOthersIdentifiers(words, agencyNamed('education'))).toBe(words);
  });
});

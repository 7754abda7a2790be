import { currentEpisode, isActionOverdue, isOpenOn, placementMovesInLast12Months } from '../../subgraphs/social-care/rules/episodes';

describe('episodes', () => {
  const e = { startDate: '2026-01-01', endDate: '2026-06-30' };
  it('is open from its start date through its end date', () => {
    expect(isOpenOn(e, '2025-12-31')).toBe(false);
    expect(isOpenOn(e, '2026-01-01')).toBe(true);
    expect(isOpenOn(e, '2026-06-30')).toBe(true);
    expect(isOpenOn(e, '2026-07-01')).toBe(false);
    expect(isOpenOn({ startDate: '2026-01-01', endDate: null }, '2030-01-01')).toBe(true);
  });
  it('picks the latest-starting open episode as current', () => {
    const a = { startDate: '2025-01-01', endDate: null };
    const b = { startDate: '2026-03-01', endDate: null };
    expect(currentEpisode([a, b], '2026-11-23')).toBe(b);
    expect(currentEpisode([a, b], '2025-06-01')).toBe(a);
    expect(currentEpisode([], '2026-11-23')).toBeNull();
  });
});

describe('placement moves in the last 12 months', () => {
  const today = '2026-11-23';
  it('counts placements in the window less the first', () => {
    expect(placementMovesInLast12Months([{ startDate: '2020-01-01', endDate: null }], today)).toBe(0);
    expect(
      placementMovesInLast12Months(
        [
          { startDate: '2025-01-01', endDate: '2025-11-23' }, // ends on the window's first day: in the window
          { startDate: '2025-11-24', endDate: '2026-05-01' },
          { startDate: '2026-05-02', endDate: null },
        ],
        today,
      ),
    ).toBe(2);
  });
  it('ignores a placement that ended the day before the window', () => {
    expect(
      placementMovesInLast12Months(
        [
          { startDate: '2025-01-01', endDate: '2025-11-22' },
          { startDate: '2025-11-23', endDate: null },
        ],
        today,
      ),
    ).toBe(0);
  });
});

describe('meeting actions', () => {
  it('an open action is overdue the day after its due date, never on it', () => {
    expect(isActionOverdue({ status: 'OPEN', dueDate: '2026-11-23' }, '2026-11-23')).toBe(false);
    expect(isActionOverdue({ status: 'OPEN', dueDate: '2026-11-22' }, '2026-11-23')).toBe(true);
    expect(isActionOverdue({ status: 'COMPLETED', dueDate: '2026-11-01' }, '2026-11-23')).toBe(false);
  });
});

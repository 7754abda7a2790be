import { addDays, addMonths, addWorkingDays, ageOn, parseLocalDate, toLocalDate, ukDate } from '../../kit/subgraph/dates';
import { statusFor, TimelinessStatus } from '../../kit/subgraph/graphql/timeliness';

describe('calendar arithmetic', () => {
  it('clamps month ends', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
  });
  it('counts working days over weekends', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Fri -> Mon
    expect(addWorkingDays('2026-11-23', 20)).toBe('2026-12-21');
  });
  it('adds days and months to every day of four centuries as the calendar does, asked twice', () => {
    const wrong: string[] = [];
    for (let day = Date.UTC(1900, 0, 1); day <= Date.UTC(2299, 11, 31); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      const d = new Date(day);
      const months = ((day / 86_400_000) % 25) - 12;
      const days = ((day / 86_400_000) % 61) - 30;
      const monthsLater = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
      const lastDay = new Date(Date.UTC(monthsLater.getUTCFullYear(), monthsLater.getUTCMonth() + 1, 0)).getUTCDate();
      monthsLater.setUTCDate(Math.min(d.getUTCDate(), lastDay));
      const expectedMonths = monthsLater.toISOString().slice(0, 10);
      const expectedDays = new Date(day + days * 86_400_000).toISOString().slice(0, 10);
      for (let i = 0; i < 2; i++)
        if (addMonths(iso, months) !== expectedMonths || addDays(iso, days) !== expectedDays) wrong.push(`${iso} ${months} ${days}`);
    }
    expect(wrong).toEqual([]);
    // What is not a date is refused, even where its sum would read like one already done.
    expect(addDays('2026-01-01', 5)).toBe('2026-01-06');
    expect(() => addDays('2026-01-0', 15)).toThrow(/YYYY-MM-DD/);
    expect(() => addMonths('2026-02-30', 1)).toThrow(/calendar date/);
    expect(() => addDays('2026-02-30', 1)).toThrow(/calendar date/);
  });
  it('computes age on the day before, on and after a birthday', () => {
    expect(ageOn('2021-11-23', '2026-11-22')).toBe(4);
    expect(ageOn('2021-11-23', '2026-11-23')).toBe(5);
    expect(ageOn('2021-11-23', '2026-11-24')).toBe(5);
    expect(ageOn('2020-02-29', '2026-02-28')).toBe(5);
    expect(ageOn('2020-02-29', '2026-03-01')).toBe(6);
    expect(ageOn('2021-12-31', '2026-01-01')).toBe(4);
  });
  it('rejects impossible dates', () => {
    expect(() => parseLocalDate('2026-02-30')).toThrow(/calendar date/);
    expect(() => parseLocalDate('23/11/2026')).toThrow(/YYYY-MM-DD/);
    for (const impossible of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32'])
      expect(() => parseLocalDate(impossible)).toThrow(`not a calendar date: ${impossible}`);
    expect(toLocalDate(parseLocalDate('2024-02-29'))).toBe('2024-02-29');
    expect(toLocalDate(parseLocalDate('2000-02-29'))).toBe('2000-02-29');
  });
  it('reads and writes every day of four centuries as its ISO date, midnight UTC', () => {
    const wrong: string[] = [];
    for (let day = Date.UTC(1900, 0, 1); day <= Date.UTC(2299, 11, 31); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      if (toLocalDate(new Date(day + 86_399_999)) !== iso || parseLocalDate(iso).getTime() !== day) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    expect(() => toLocalDate(new Date(NaN))).toThrow(RangeError);
  });
});

describe('the UK date of an instant', () => {
  it('moves to the next day at midnight in the UK, which is 23:00 UTC in British Summer Time', () => {
    expect(ukDate(new Date('2026-05-22T22:59:59.999Z'))).toBe('2026-05-22');
    expect(ukDate(new Date('2026-05-22T23:00:00.000Z'))).toBe('2026-05-23');
    expect(ukDate(new Date('2026-12-22T23:59:59.999Z'))).toBe('2026-12-22');
    expect(ukDate(new Date('2026-12-23T00:00:00.000Z'))).toBe('2026-12-23');
  });
  it('follows the clocks on the days they change (last Sundays of March and October, at 01:00 UTC)', () => {
    expect(ukDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // GMT still
    expect(ukDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30'); // BST from 01:00 UTC that day
    expect(ukDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25'); // BST still
    expect(ukDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25'); // GMT from 01:00 UTC that day
  });
  it('agrees with the Europe/London calendar at every quarter hour and odd minute of ten years, asked in any order', () => {
    const calendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
    const instants: number[] = [];
    for (let t = Date.UTC(2018, 0, 1); t < Date.UTC(2028, 0, 1); t += 15 * 60_000) instants.push(t, t + 7 * 60_000 + 59_999);
    // Backwards, so each hour is first met at its end rather than its start.
    const wrong = instants.reverse().filter((t) => ukDate(new Date(t)) !== calendar.format(t));
    expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
    expect(() => ukDate(new Date(NaN))).toThrow(RangeError);
  });
  it('agrees with it over two centuries, double summer time and the all-year British Standard Time of 1968-71 included', () => {
    const calendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
    const wrong: string[] = [];
    // Every 7 hours and 13 minutes: each hour of the day, each minute of the hour, comes round.
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 7 * 3_600_000 + 13 * 60_000)
      if (ukDate(new Date(t)) !== calendar.format(t)) wrong.push(new Date(t).toISOString());
    expect(wrong).toEqual([]);
    expect(ukDate(new Date('1944-06-05T22:30:00Z'))).toBe('1944-06-06'); // British Double Summer Time, GMT+2
    expect(ukDate(new Date(8.64e15))).toBe(calendar.format(8.64e15)); // the last representable instant
  });
});

describe('timeliness status', () => {
  it('is DUE_SOON on the due date and OVERDUE the day after', () => {
    expect(statusFor('2026-11-23', '2026-11-23')).toBe(TimelinessStatus.DUE_SOON);
    expect(statusFor('2026-11-23', '2026-11-24')).toBe(TimelinessStatus.OVERDUE);
  });
  it('is DUE_SOON within 28 days and UP_TO_DATE beyond', () => {
    expect(statusFor('2026-12-21', '2026-11-23')).toBe(TimelinessStatus.DUE_SOON);
    expect(statusFor('2026-12-22', '2026-11-23')).toBe(TimelinessStatus.UP_TO_DATE);
  });
});

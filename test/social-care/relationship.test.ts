import { PERSONAS } from '../../kit/dev/personas';
import type { Viewer } from '../../kit/shared/roles';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { ActionStatus, Agency, CaseStatus, MeetingStatus } from '../../subgraphs/social-care/enums';
import { legitimateRelationship, type RelationshipFacts } from '../../subgraphs/social-care/rules/relationship';
import { nextRaiseDue } from '../../subgraphs/social-care/rules/raise-schedule';
import { MeetingKind, RagPriority } from '../../subgraphs/social-care/enums';

/**
 * The legitimate relationship rule (DOMAIN.md §4, and how NWD practice gives one), each boundary tried
 * on the day before, on the day and the day after. Expectations are the rule as the domain states it:
 * an allocation while open; a hub specialist while their involvement is open; an invitation from the
 * day it is sent until 28 days after the meeting (until it is called off, when postponed or
 * cancelled), and never for other agencies when the young person did not agree to be discussed,
 * unless the chair overrode it; an action's owner until the day it is closed; the virtual school head
 * while the child is looked after; break-glass with a reason of at least 20 letters.
 */
const none: RelationshipFacts = { allocations: [], specialistInvolvements: [], invitations: [], actions: [], caseStatuses: [] };
const teacher = PERSONAS.designatedTeacher;
const keyWorker = PERSONAS.keyWorker;

/** An invitation of `viewer`, in their own agency unless said otherwise, to a meeting held on 2026-11-15. */
function invitation(
  viewer: Viewer,
  meeting: Partial<RelationshipFacts['invitations'][number]['meeting']> = {},
  invitedOn = '2026-11-01',
  agency: Agency = Agency[viewer.agency],
) {
  return {
    practitionerId: viewer.id,
    agency,
    invitedOn,
    meeting: { id: 'YP-000001-M3', heldOn: '2026-11-15', status: MeetingStatus.HELD, youngPersonAgreedToBeDiscussed: true, ...meeting },
  };
}

const kindOn = (viewer: Viewer, facts: RelationshipFacts, day: string, reason?: string) =>
  legitimateRelationship(viewer, facts, day, reason)?.kind ?? null;

describe('an allocation', () => {
  const facts = { ...none, allocations: [{ practitionerId: keyWorker.id, startDate: '2026-03-01', endDate: '2026-09-30' }] };
  it.each([
    ['2026-02-28', null],
    ['2026-03-01', PurposeKind.ALLOCATION],
    ['2026-09-29', PurposeKind.ALLOCATION],
    // The end date is the allocation's last day, as every dated episode here is recorded (the next starts the day after).
    ['2026-09-30', PurposeKind.ALLOCATION],
    ['2026-10-01', null],
  ] as [string, PurposeKind | null][])('on %s: %s', (day, expected) => expect(kindOn(keyWorker, facts, day)).toBe(expected));

  it('holds while open (no end date)', () => {
    const open = { ...none, allocations: [{ practitionerId: keyWorker.id, startDate: '2026-03-01', endDate: null }] };
    expect(kindOn(keyWorker, open, '2036-03-01')).toBe(PurposeKind.ALLOCATION);
  });

  it("is the allocated practitioner's only", () => expect(kindOn(teacher, facts, '2026-05-01')).toBeNull());
});

/**
 * Children Act 1989 s22(3A): the virtual school head promotes the education of every looked-after
 * child, from the day they become looked after to the last day they are.
 */
describe("the virtual school head's statutory role, over a child looked after from 2026-03-01 to 2026-09-30", () => {
  const head = PERSONAS.virtualSchoolHead;
  const facts = {
    ...none,
    caseStatuses: [
      { status: CaseStatus.CHILD_IN_NEED, startDate: '2025-06-01', endDate: '2026-02-28' },
      { status: CaseStatus.LOOKED_AFTER, startDate: '2026-03-01', endDate: '2026-09-30' },
      { status: CaseStatus.CARE_LEAVER, startDate: '2026-10-01', endDate: null },
    ],
  };
  it.each([
    ['2026-02-28', null, 'the day before care began (a child in need)'],
    ['2026-03-01', PurposeKind.STATUTORY_ROLE, 'the day care began'],
    ['2026-09-29', PurposeKind.STATUTORY_ROLE, 'the day before care ended'],
    ['2026-09-30', PurposeKind.STATUTORY_ROLE, 'the last day looked after'],
    ['2026-10-01', null, 'the first day as a care leaver'],
  ] as [string, PurposeKind | null, string][])('on %s: %s (%s)', (day, expected) => expect(kindOn(head, facts, day)).toBe(expected));

  it('ends on the day care ended when the next status was recorded from that same day (SSDA903: the day the episode ceased)', () => {
    const sameDay = {
      ...none,
      caseStatuses: [
        { status: CaseStatus.LOOKED_AFTER, startDate: '2026-03-01', endDate: '2026-09-30' },
        { status: CaseStatus.CARE_LEAVER, startDate: '2026-09-30', endDate: null },
      ],
    };
    expect(kindOn(head, sameDay, '2026-09-29')).toBe(PurposeKind.STATUTORY_ROLE);
    expect(kindOn(head, sameDay, '2026-09-30')).toBeNull();
  });

  it('holds while care goes on (no end date)', () => {
    const open = { ...none, caseStatuses: [{ status: CaseStatus.LOOKED_AFTER, startDate: '2026-03-01', endDate: null }] };
    expect(kindOn(head, open, '2031-03-01')).toBe(PurposeKind.STATUTORY_ROLE);
  });
});

describe("a hub specialist's involvement", () => {
  const coach = PERSONAS.lifeCoach;
  const facts = { ...none, specialistInvolvements: [{ practitionerId: coach.id, startDate: '2026-04-10', endDate: '2026-08-31' }] };
  it.each([
    ['2026-04-09', null],
    ['2026-04-10', PurposeKind.SPECIALIST_INVOLVEMENT],
    ['2026-08-31', PurposeKind.SPECIALIST_INVOLVEMENT],
    ['2026-09-01', null],
  ] as [string, PurposeKind | null][])('on %s: %s', (day, expected) => expect(kindOn(coach, facts, day)).toBe(expected));

  it('holds while open (no end date)', () => {
    const open = { ...none, specialistInvolvements: [{ practitionerId: coach.id, startDate: '2026-04-10', endDate: null }] };
    expect(kindOn(coach, open, '2027-04-10')).toBe(PurposeKind.SPECIALIST_INVOLVEMENT);
  });
});

describe('an invitation to a meeting that is on', () => {
  const facts = { ...none, invitations: [invitation(teacher)] };
  it.each([
    ['2026-10-31', null, 'the day before the invitation'],
    ['2026-11-01', PurposeKind.MEETING_INVITATION, 'the day it is sent'],
    ['2026-12-13', PurposeKind.MEETING_INVITATION, '28 days after the meeting'],
    ['2026-12-14', null, '29 days after'],
  ] as [string, PurposeKind | null, string][])('on %s: %s (%s)', (day, expected) => expect(kindOn(teacher, facts, day)).toBe(expected));

  it('names the meeting it comes from', () => {
    expect(legitimateRelationship(teacher, facts, '2026-11-20')).toEqual({
      kind: PurposeKind.MEETING_INVITATION,
      meetingId: 'YP-000001-M3',
    });
  });

  it('counts for a scheduled meeting from the invitation, before the meeting is held', () => {
    const scheduled = { ...none, invitations: [invitation(teacher, { status: MeetingStatus.SCHEDULED, heldOn: '2026-12-01' })] };
    expect(kindOn(teacher, scheduled, '2026-11-01')).toBe(PurposeKind.MEETING_INVITATION);
    expect(kindOn(teacher, scheduled, '2026-12-29')).toBe(PurposeKind.MEETING_INVITATION);
    expect(kindOn(teacher, scheduled, '2026-12-30')).toBeNull();
  });
});

describe.each([MeetingStatus.POSTPONED, MeetingStatus.CANCELLED])('an invitation to a meeting that was %s', (status) => {
  const facts = { ...none, invitations: [invitation(teacher, { status, heldOn: '2026-11-15', statusChangedOn: '2026-11-10' })] };
  it.each([
    ['2026-11-10', PurposeKind.MEETING_INVITATION, 'the day it was called off'],
    ['2026-11-11', null, 'the day after'],
    ['2026-11-15', null, 'the day it would have been'],
  ] as [string, PurposeKind | null, string][])('on %s: %s (%s)', (day, expected) => expect(kindOn(teacher, facts, day)).toBe(expected));
});

describe('an invitation when the young person did not agree to be discussed', () => {
  const refused = { youngPersonAgreedToBeDiscussed: false };
  it('gives invitees from other agencies nothing', () => {
    expect(kindOn(teacher, { ...none, invitations: [invitation(teacher, refused)] }, '2026-11-20')).toBeNull();
    expect(
      kindOn(PERSONAS.policeLiaison, { ...none, invitations: [invitation(PERSONAS.policeLiaison, refused)] }, '2026-11-20'),
    ).toBeNull();
  });

  it('still counts for social care invitees (the hub, who hold the case)', () => {
    expect(kindOn(keyWorker, { ...none, invitations: [invitation(keyWorker, refused)] }, '2026-11-20')).toBe(
      PurposeKind.MEETING_INVITATION,
    );
  });

  it('counts for other agencies once the chair records why sharing is needed', () => {
    const overridden = { ...refused, consentOverrideReason: 'Risk of serious harm tonight: police must see the plan' };
    expect(kindOn(teacher, { ...none, invitations: [invitation(teacher, overridden)] }, '2026-11-20')).toBe(PurposeKind.MEETING_INVITATION);
  });

  it('counts when the young person has not been asked yet', () => {
    expect(kindOn(teacher, { ...none, invitations: [invitation(teacher, { youngPersonAgreedToBeDiscussed: null })] }, '2026-11-20')).toBe(
      PurposeKind.MEETING_INVITATION,
    );
  });
});

describe("an action's owner", () => {
  const open = {
    ownerId: teacher.id,
    owningAgency: Agency.EDUCATION,
    status: ActionStatus.OPEN,
    completedOn: null,
    meeting: { id: 'YP-000001-M3', youngPersonAgreedToBeDiscussed: true },
  };
  it('keeps the relationship while the action is open, long after the invitation ended', () => {
    const facts = { ...none, invitations: [invitation(teacher)], actions: [open] };
    expect(legitimateRelationship(teacher, facts, '2027-03-01')).toEqual({ kind: PurposeKind.ACTION_OWNER, meetingId: 'YP-000001-M3' });
  });

  // README: "until the day it is closed": completed or cancelled, the owner still reads that day.
  describe.each([ActionStatus.COMPLETED, ActionStatus.CANCELLED])('%s on 2027-02-28', (status) => {
    it.each([
      ['2027-02-27', PurposeKind.ACTION_OWNER, 'the day before'],
      ['2027-02-28', PurposeKind.ACTION_OWNER, 'the day it was closed'],
      ['2027-03-01', null, 'the day after'],
    ] as [string, PurposeKind | null, string][])('on %s: %s (%s)', (day, expected) => {
      const facts = { ...none, actions: [{ ...open, status, completedOn: '2027-02-28' }] };
      expect(kindOn(teacher, facts, day)).toBe(expected);
    });
  });

  it("is only the named owner's", () => expect(kindOn(PERSONAS.policeLiaison, { ...none, actions: [open] }, '2027-01-01')).toBeNull());

  it("is only the owner's in the owning agency: an action written down as another agency's gives nothing", () => {
    const policeAction = { ...open, owningAgency: Agency.POLICE };
    expect(kindOn(teacher, { ...none, actions: [policeAction] }, '2027-01-01')).toBeNull();
  });

  it("never gets round the young person's refusal: nothing for another agency's owner, until the chair overrides", () => {
    const refused = { ...open, meeting: { id: 'YP-000001-M3', youngPersonAgreedToBeDiscussed: false } };
    expect(kindOn(teacher, { ...none, actions: [refused] }, '2027-01-01')).toBeNull();
    const overridden = {
      ...refused,
      meeting: { ...refused.meeting, consentOverrideReason: 'Risk of serious harm: school must act on the plan' },
    };
    expect(kindOn(teacher, { ...none, actions: [overridden] }, '2027-01-01')).toBe(PurposeKind.ACTION_OWNER);
    const hubAction = { ...refused, ownerId: keyWorker.id, owningAgency: Agency.NWD_HUB };
    expect(kindOn(keyWorker, { ...none, actions: [hubAction] }, '2027-01-01')).toBe(PurposeKind.ACTION_OWNER);
  });
});

describe('an invitation in the name of an agency', () => {
  it('counts only for staff of that agency (the hub invites for social care)', () => {
    expect(kindOn(teacher, { ...none, invitations: [invitation(teacher, {}, '2026-11-01', Agency.POLICE)] }, '2026-11-20')).toBeNull();
    expect(kindOn(keyWorker, { ...none, invitations: [invitation(keyWorker, {}, '2026-11-01', Agency.NWD_HUB)] }, '2026-11-20')).toBe(
      PurposeKind.MEETING_INVITATION,
    );
    expect(kindOn(teacher, { ...none, invitations: [invitation(teacher, {}, '2026-11-01', Agency.OTHER)] }, '2026-11-20')).toBeNull();
  });
});

describe('the statutory role and break-glass', () => {
  it('gives the virtual school head no child who was never looked after', () => {
    const inNeed = { ...none, caseStatuses: [{ status: CaseStatus.CHILD_IN_NEED, startDate: '2026-01-01', endDate: null }] };
    expect(kindOn(PERSONAS.virtualSchoolHead, inNeed, '2026-11-20')).toBeNull();
    expect(kindOn(PERSONAS.virtualSchoolHead, none, '2026-11-20')).toBeNull();
  });

  it("is the virtual school head's only: another role gets nothing from a child being looked after", () => {
    const looked = { ...none, caseStatuses: [{ status: CaseStatus.LOOKED_AFTER, startDate: '2026-01-01', endDate: null }] };
    expect(kindOn(teacher, looked, '2026-11-20')).toBeNull();
  });

  it('allows break-glass with a reason of 20 letters or more, and not 19 (letters: digits and spaces do not count)', () => {
    expect(kindOn(teacher, none, '2026-11-20', 'Missing from placement')).toBe(PurposeKind.BREAK_GLASS); // 20 letters
    expect(kindOn(teacher, none, '2026-11-20', 'Missed from placement')).toBeNull(); // 19
    expect(kindOn(teacher, none, '2026-11-20', 'Missed from placement 2200')).toBeNull(); // still 19 letters
    expect(kindOn(teacher, none, '2026-11-20', 'urgent')).toBeNull();
    expect(kindOn(teacher, none, '2026-11-20', '')).toBeNull();
  });

  it('records the reason trimmed', () => {
    expect(legitimateRelationship(teacher, none, '2026-11-20', '  Missing from placement \n')).toEqual({
      kind: PurposeKind.BREAK_GLASS,
      reason: 'Missing from placement',
    });
  });

  it('prefers a real relationship to break-glass', () => {
    const facts = { ...none, invitations: [invitation(teacher)] };
    expect(kindOn(teacher, facts, '2026-11-20', 'Missing tonight, last seen near the school')).toBe(PurposeKind.MEETING_INVITATION);
  });
});

describe('when the next RAISE meeting is due', () => {
  const held = (heldOn: string, nextReviewOn: string | null = null) => ({
    kind: MeetingKind.RAISE,
    status: MeetingStatus.HELD,
    heldOn,
    nextReviewOn,
  });
  it('is four weeks after referral before any meeting', () => {
    expect(nextRaiseDue([], RagPriority.AMBER, '2026-10-01', '2026-11-23')).toBe('2026-10-29');
  });
  it('follows the interval for the priority after the last held RAISE meeting: red 4 weeks, amber 6, green 8', () => {
    expect(nextRaiseDue([held('2026-11-01')], RagPriority.RED, '2026-01-01', '2026-11-23')).toBe('2026-11-29');
    expect(nextRaiseDue([held('2026-11-01')], RagPriority.AMBER, '2026-01-01', '2026-11-23')).toBe('2026-12-13');
    expect(nextRaiseDue([held('2026-11-01')], RagPriority.GREEN, '2026-01-01', '2026-11-23')).toBe('2026-12-27');
  });
  it('is the review date the last meeting agreed, when it set an earlier one', () => {
    expect(nextRaiseDue([held('2026-11-01', '2026-11-20')], RagPriority.GREEN, '2026-01-01', '2026-11-23')).toBe('2026-11-20');
  });
  it('is never later than the priority allows, whatever review date was written down', () => {
    expect(nextRaiseDue([held('2026-11-01', '9999-12-31')], RagPriority.RED, '2026-01-01', '2026-11-23')).toBe('2026-11-29');
  });
  it('comes from the meeting recorded last when two were held the same day, in whatever order they are listed', () => {
    const early = { ...held('2026-11-01', '2026-11-10'), id: 'YP-000001-M9', recordedAt: new Date('2026-11-01T10:00:00Z') };
    const late = { ...held('2026-11-01', '2026-11-15'), id: 'YP-000001-M10', recordedAt: new Date('2026-11-01T16:00:00Z') };
    expect(nextRaiseDue([early, late], RagPriority.GREEN, '2026-01-01', '2026-11-23')).toBe('2026-11-15');
    expect(nextRaiseDue([late, early], RagPriority.GREEN, '2026-01-01', '2026-11-23')).toBe('2026-11-15');
  });
  it('ignores postponed, cancelled, scheduled and deep-dive meetings', () => {
    const others = [
      { ...held('2026-11-10'), status: MeetingStatus.POSTPONED },
      { ...held('2026-11-12'), status: MeetingStatus.CANCELLED },
      { ...held('2026-11-30'), status: MeetingStatus.SCHEDULED },
      { ...held('2026-11-05'), kind: MeetingKind.DEEP_DIVE },
    ];
    expect(nextRaiseDue([held('2026-10-01'), ...others], RagPriority.RED, '2026-01-01', '2026-11-23')).toBe('2026-10-29');
  });
});

describe('a corporate parenting board member', () => {
  const board = PERSONAS.boardMember;
  // Figures, never children (DOMAIN.md §5: the board asks whether NWD works, not about one child).
  it('holds no relationship with any young person: not by allocation, invitation, or break-glass', () => {
    const facts: RelationshipFacts = {
      ...none,
      allocations: [{ practitionerId: board.id, startDate: '2026-01-01', endDate: null }],
      invitations: [invitation(board)],
    };
    expect(kindOn(board, facts, '2026-11-16', 'Board member asked to look at this case urgently')).toBeNull();
  });
});

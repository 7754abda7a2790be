import { codeList, type Meanings } from '../../kit/subgraph/graphql/code-list';
import {
  AGENCY_CODES,
  RECEIVING_AGENCIES,
  type AgencyCode,
  type IdentifierScheme as IdentifierSchemeCode,
} from '../../kit/shared/agencies';

/**
 * Social care's code lists. Values are the official codes where those are valid GraphQL names
 * (SSDA903, CIN census); descriptions carry the official meaning so the explorer documents itself.
 */

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
codeList(Sex, 'Sex', 'Sex as recorded for the SSDA903 return (1 male, 2 female).');

export enum Ethnicity {
  WBRI = 'WBRI',
  WIRI = 'WIRI',
  WOTH = 'WOTH',
  WIRT = 'WIRT',
  WROM = 'WROM',
  MWBC = 'MWBC',
  MWBA = 'MWBA',
  MWAS = 'MWAS',
  MOTH = 'MOTH',
  AIND = 'AIND',
  APKN = 'APKN',
  ABAN = 'ABAN',
  AOTH = 'AOTH',
  BCRB = 'BCRB',
  BAFR = 'BAFR',
  BOTH = 'BOTH',
  CHNE = 'CHNE',
  OOTH = 'OOTH',
  REFU = 'REFU',
  NOBT = 'NOBT',
}
codeList(Ethnicity, 'Ethnicity', 'Ethnicity, DfE main codes as used in the SSDA903 and CIN census returns.', {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WOTH: 'Any other White background',
  WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Caribbean',
  BAFR: 'African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
});

export enum CaseStatus {
  EARLY_HELP = 'EARLY_HELP',
  CHILD_IN_NEED = 'CHILD_IN_NEED',
  CHILD_PROTECTION = 'CHILD_PROTECTION',
  LOOKED_AFTER = 'LOOKED_AFTER',
  CARE_LEAVER = 'CARE_LEAVER',
  EDGE_OF_CARE = 'EDGE_OF_CARE',
}
export const CASE_STATUS_MEANINGS = codeList(
  CaseStatus,
  'CaseStatus',
  "The young person's status with children's social care over a dated episode.",
  {
    EARLY_HELP: 'Early Help: support below the statutory threshold, by consent.',
    CHILD_IN_NEED: 'Child in Need under s17 Children Act 1989.',
    CHILD_PROTECTION: 'Subject of a Child Protection plan (s47 enquiry and initial child protection conference).',
    LOOKED_AFTER: 'Looked after by the local authority (s20 accommodation or a care order, s22 Children Act 1989).',
    CARE_LEAVER: 'Care leaver: eligible, relevant or former relevant child under the Children (Leaving Care) Act 2000.',
    EDGE_OF_CARE: 'Edge of care: at risk of becoming looked after; NWD works to keep them safely at home.',
  },
);

export enum CpCategory {
  NEG = 'NEG',
  PHY = 'PHY',
  SAB = 'SAB',
  EMO = 'EMO',
  MUL = 'MUL',
}
codeList(CpCategory, 'CpCategory', 'Initial category of abuse of a Child Protection plan (CIN census).', {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple categories',
});

export enum LegalStatus {
  C1 = 'C1',
  C2 = 'C2',
  D1 = 'D1',
  E1 = 'E1',
  V2 = 'V2',
  V3 = 'V3',
  V4 = 'V4',
  L1 = 'L1',
  L2 = 'L2',
  L3 = 'L3',
  J1 = 'J1',
  J2 = 'J2',
  J3 = 'J3',
}
export const LEGAL_STATUS_MEANINGS = codeList(LegalStatus, 'LegalStatus', 'Legal status of a looked-after child (SSDA903 field LS).', {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  V2: 'Single period of accommodation under section 20 (Children Act 1989)',
  V3: 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded',
  V4: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded (not individual episodes)',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order (EPO)',
  L3: 'Under a child assessment order and in local authority accommodation',
  J1: 'Remanded to local authority accommodation or to youth detention accommodation',
  J2: 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984',
  J3: 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement',
});

export enum PlacementType {
  U1 = 'U1',
  U2 = 'U2',
  U3 = 'U3',
  U4 = 'U4',
  U5 = 'U5',
  U6 = 'U6',
  K1 = 'K1',
  K2 = 'K2',
  R1 = 'R1',
  R5 = 'R5',
  H5 = 'H5',
  P1 = 'P1',
  P2 = 'P2',
  S1 = 'S1',
  Z1 = 'Z1',
  NWD_HUB_BED = 'NWD_HUB_BED',
  NWD_HUB_COMMUNITY_FAMILY = 'NWD_HUB_COMMUNITY_FAMILY',
  SUPPORTED_LODGINGS = 'SUPPORTED_LODGINGS',
}
export const PLACEMENT_TYPE_MEANINGS = codeList(
  PlacementType,
  'PlacementType',
  'Placement type (SSDA903 field PLACE), plus the No Wrong Door hub placements.',
  {
    U1: 'Foster placement with relative or friend - long term fostering (connected person)',
    U2: 'Foster placement with relative or friend who is also an approved adopter - fostering for adoption / concurrent planning (connected person)',
    U3: 'Foster placement with relative or friend - not long term or fostering for adoption (connected person)',
    U4: 'Foster placement with other foster carer - long term fostering',
    U5: 'Foster placement with other foster carer who is also an approved adopter - fostering for adoption / concurrent planning',
    U6: 'Foster placement with other foster carer - not long term or fostering for adoption',
    K1: 'Secure children’s home',
    K2: 'Children’s home subject to Children’s Homes Regulations',
    R1: 'Residential care home',
    R5: 'Young offender institution (YOI)',
    H5: 'Semi-independent living accommodation not subject to Children’s Homes Regulations',
    P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
    P2: 'Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or with friends, with or without formal support',
    S1: 'All residential schools, except where dual-registered as a school and children’s home',
    Z1: 'Other placements (must be listed on a schedule sent to DfE with annual submission)',
    NWD_HUB_BED: 'No Wrong Door hub: a residential bed in the hub (short-term, with outreach)',
    NWD_HUB_COMMUNITY_FAMILY: 'No Wrong Door hub community family: a foster family attached to the hub',
    SUPPORTED_LODGINGS: 'Supported lodgings: a room in a host’s home with support, for older young people',
  },
);

export enum PlacementChangeReason {
  CARPL = 'CARPL',
  CLOSE = 'CLOSE',
  ALLEG = 'ALLEG',
  STAND = 'STAND',
  APPRR = 'APPRR',
  CREQB = 'CREQB',
  CREQO = 'CREQO',
  CHILD = 'CHILD',
  LAREQ = 'LAREQ',
  PLACE = 'PLACE',
  CUSTOD = 'CUSTOD',
  OTHER = 'OTHER',
}
export const PLACEMENT_CHANGE_REASON_MEANINGS = codeList(
  PlacementChangeReason,
  'PlacementChangeReason',
  'Reason for a placement ending or changing (SSDA903 field REASON_PLACE_CHANGE).',
  {
    CARPL: 'Change to or implementation of the care plan',
    CLOSE: 'Resignation or closure of the provider',
    ALLEG: 'Allegation (s47)',
    STAND: 'Standards of care concern',
    APPRR: 'Approval removed',
    CREQB: 'Carer(s) requested placement end due to child’s behaviour',
    CREQO: 'Carer(s) requested placement end other than due to child’s behaviour',
    CHILD: 'Child requested placement end',
    LAREQ: 'Responsible or area authority requested placement end',
    PLACE: 'Change in the status of placement only',
    CUSTOD: 'Child arrested or sentenced to custody',
    OTHER: 'Other',
  },
);

export enum DistanceBand {
  WITHIN_20_MILES = 'WITHIN_20_MILES',
  BEYOND_20_MILES = 'BEYOND_20_MILES',
}
codeList(DistanceBand, 'DistanceBand', 'Distance between the home address and the placement (SSDA903 PL_DISTANCE, banded at 20 miles).');

export enum MissingFromCareType {
  M = 'M',
  A = 'A',
}
export const MISSING_FROM_CARE_TYPE_MEANINGS = codeList(MissingFromCareType, 'MissingFromCareType', 'SSDA903 missing episode type.', {
  M: 'Missing: not at the placement or place they are expected to be, and whereabouts not known.',
  A: 'Away from placement without authorisation: whereabouts known but not at the placement.',
});

export enum PlanType {
  CARE_PLAN = 'CARE_PLAN',
  CIN_PLAN = 'CIN_PLAN',
  CP_PLAN = 'CP_PLAN',
  PATHWAY_PLAN = 'PATHWAY_PLAN',
  NWD_CARE_AND_PROGRESSION_PLAN = 'NWD_CARE_AND_PROGRESSION_PLAN',
  SAFETY_PLAN = 'SAFETY_PLAN',
  MISSING_PLAN = 'MISSING_PLAN',
}
export const PLAN_TYPE_MEANINGS = codeList(PlanType, 'PlanType', "A plan held on the young person's social care record.", {
  CARE_PLAN: 'Care plan for a looked-after child (Care Planning Regulations 2010).',
  CIN_PLAN: 'Child in Need plan (s17).',
  CP_PLAN: 'Child Protection plan.',
  PATHWAY_PLAN: 'Pathway plan for an eligible or relevant child / care leaver.',
  NWD_CARE_AND_PROGRESSION_PLAN: 'No Wrong Door care and progression plan, informed by deep dives.',
  SAFETY_PLAN: 'Safety plan agreed with the young person and the network.',
  MISSING_PLAN: 'Missing plan: what to do if the young person goes missing (places, associates, who to call).',
});

export enum AssessmentFactor {
  GOING_MISSING = 'GOING_MISSING',
  CHILD_SEXUAL_EXPLOITATION = 'CHILD_SEXUAL_EXPLOITATION',
  TRAFFICKING = 'TRAFFICKING',
  GANGS = 'GANGS',
  SOCIALLY_UNACCEPTABLE_BEHAVIOUR = 'SOCIALLY_UNACCEPTABLE_BEHAVIOUR',
  SELF_HARM = 'SELF_HARM',
  CHILD_CRIMINAL_EXPLOITATION = 'CHILD_CRIMINAL_EXPLOITATION',
}
codeList(
  AssessmentFactor,
  'AssessmentFactor',
  'Factors identified at the end of a Child in Need assessment (CIN census), those most relevant to adolescents.',
  {
    GOING_MISSING: '10A: Child going missing',
    CHILD_SEXUAL_EXPLOITATION: '11A: Child sexual exploitation',
    TRAFFICKING: '12A: Trafficking',
    GANGS: '13A: Gangs',
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR: '14A: Socially unacceptable behaviour',
    SELF_HARM: '15A: Self-harm',
    CHILD_CRIMINAL_EXPLOITATION: '24A: Child criminal exploitation',
  },
);

/** One scheme per receiving agency in the agencies table: the identifier it keeps its records under. */
export const IdentifierScheme = Object.fromEntries(RECEIVING_AGENCIES.map((a) => [a.identifier.scheme, a.identifier.scheme])) as {
  readonly [S in IdentifierSchemeCode]: S;
};
export type IdentifierScheme = IdentifierSchemeCode;
codeList(
  IdentifierScheme,
  'IdentifierScheme',
  'An identifier another agency keeps its records under.',
  Object.fromEntries(RECEIVING_AGENCIES.map((a) => [a.identifier.scheme, a.identifier.description])) as Meanings<typeof IdentifierScheme>,
);

export enum LinkMethod {
  NHS_SPINE_TRACE = 'NHS_SPINE_TRACE',
  AGENCY_CONFIRMED = 'AGENCY_CONFIRMED',
  DEMOGRAPHIC_MATCH = 'DEMOGRAPHIC_MATCH',
  RECORDED_BY_PRACTITIONER = 'RECORDED_BY_PRACTITIONER',
}
codeList(LinkMethod, 'LinkMethod', 'How social care came to link an agency identifier to the young person (provenance of the match).', {
  NHS_SPINE_TRACE: 'Traced on the NHS Personal Demographics Service.',
  AGENCY_CONFIRMED: 'The owning agency confirmed the identifier belongs to this young person.',
  DEMOGRAPHIC_MATCH: 'Matched on name, date of birth and address; not confirmed by the owning agency.',
  RECORDED_BY_PRACTITIONER: 'Typed in by a practitioner from a document; the check digit was valid.',
});

export enum RagPriority {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
codeList(RagPriority, 'RagPriority', 'Red/amber/green priority given to a referral to the No Wrong Door hub.');

export enum NwdSupport {
  HUB_PLACEMENT = 'HUB_PLACEMENT',
  OUTREACH = 'OUTREACH',
}
codeList(NwdSupport, 'NwdSupport', 'How the No Wrong Door hub supports the young person.', {
  HUB_PLACEMENT: 'Lives in a hub bed or hub community family.',
  OUTREACH: 'Lives elsewhere; the hub team works with them where they are.',
});

export enum NwdSpecialist {
  LIFE_COACH = 'LIFE_COACH',
  COMMUNICATION_SUPPORT = 'COMMUNICATION_SUPPORT',
  CAMHS_WORKER = 'CAMHS_WORKER',
  POLICE_LIAISON = 'POLICE_LIAISON',
}
codeList(
  NwdSpecialist,
  'NwdSpecialist',
  'A specialist working in or with the No Wrong Door hub. An open involvement is a legitimate relationship with the young person for the specialist named on it.',
  {
    LIFE_COACH: 'Life coach: a clinical psychologist (health) working on emotional and mental health.',
    COMMUNICATION_SUPPORT: 'Communication support worker: a speech and language therapist screening for SLCN.',
    CAMHS_WORKER: 'A CAMHS practitioner (health) linked to the hub, working with the young person.',
    POLICE_LIAISON: 'Police liaison officer embedded in the hub.',
  },
);

export enum NwdClosureOutcome {
  REMAINED_AT_HOME = 'REMAINED_AT_HOME',
  STABLE_PLACEMENT = 'STABLE_PLACEMENT',
  INDEPENDENT_LIVING = 'INDEPENDENT_LIVING',
  BECAME_LOOKED_AFTER = 'BECAME_LOOKED_AFTER',
  MOVED_AWAY = 'MOVED_AWAY',
  OTHER = 'OTHER',
}
codeList(NwdClosureOutcome, 'NwdClosureOutcome', 'Outcome recorded when No Wrong Door involvement closes.');

export enum MeetingKind {
  RAISE = 'RAISE',
  DEEP_DIVE = 'DEEP_DIVE',
}
codeList(MeetingKind, 'MeetingKind', 'A No Wrong Door multi-agency meeting about one young person.', {
  RAISE:
    'RAISE risk meeting (Risk, Analysis, Intervention, Solution, Evaluation): intelligence-led, Signs of Safety, each agency owns actions.',
  DEEP_DIVE: 'Deep dive: professionals review the whole case history to inform the NWD care and progression plan.',
});

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  POSTPONED = 'POSTPONED',
  CANCELLED = 'CANCELLED',
}
export const MEETING_STATUS_MEANINGS = codeList(
  MeetingStatus,
  'MeetingStatus',
  'Where a meeting stands: scheduled, then held, postponed or cancelled (postponements are a known failure mode, 000:2081).',
  {
    SCHEDULED: 'Scheduled and not yet held: professionals are being invited and the pack prepared.',
    HELD: 'Held and recorded: attendance, views, scaling scores, strengths, risks, the plan and actions.',
    POSTPONED: 'Did not go ahead on its date; a new date may have been scheduled as another meeting.',
    CANCELLED: 'Will not take place.',
  },
);

export enum RiskCategory {
  GOING_MISSING = 'GOING_MISSING',
  CRIMINAL_EXPLOITATION = 'CRIMINAL_EXPLOITATION',
  SEXUAL_EXPLOITATION = 'SEXUAL_EXPLOITATION',
  OFFENDING = 'OFFENDING',
  SELF_HARM = 'SELF_HARM',
  EMOTIONAL_WELLBEING = 'EMOTIONAL_WELLBEING',
  SUBSTANCE_MISUSE = 'SUBSTANCE_MISUSE',
  PLACEMENT_STABILITY = 'PLACEMENT_STABILITY',
  EDUCATION = 'EDUCATION',
  FAMILY_RELATIONSHIPS = 'FAMILY_RELATIONSHIPS',
  OTHER = 'OTHER',
}
codeList(
  RiskCategory,
  'RiskCategory',
  'What a risk discussed at a RAISE meeting is about, so risks can be followed from meeting to meeting.',
  {
    GOING_MISSING: 'Going missing or away without authorisation.',
    CRIMINAL_EXPLOITATION: 'Child criminal exploitation, county lines, gangs.',
    SEXUAL_EXPLOITATION: 'Child sexual exploitation.',
    OFFENDING: 'Offending or anti-social behaviour.',
    SELF_HARM: 'Self-harm or suicidal thoughts.',
    EMOTIONAL_WELLBEING: 'Emotional and mental health.',
    SUBSTANCE_MISUSE: 'Drug or alcohol use.',
    PLACEMENT_STABILITY: 'Risk of the placement (or home) breaking down.',
    EDUCATION: 'Not attending, suspension, exclusion, not in education, employment or training.',
    FAMILY_RELATIONSHIPS: 'Relationships with family and the network.',
    OTHER: 'Anything else.',
  },
);

/** The partner agencies of the agencies table, and the hub and others who come to meetings. */
export const Agency = {
  ...(Object.fromEntries(AGENCY_CODES.map((code) => [code, code])) as { readonly [C in AgencyCode]: C }),
  NWD_HUB: 'NWD_HUB',
  OTHER: 'OTHER',
} as const;
export type Agency = (typeof Agency)[keyof typeof Agency];
codeList(Agency, 'Agency', 'The partner agency a professional represents.');

export enum Attendance {
  ATTENDED_IN_PERSON = 'ATTENDED_IN_PERSON',
  ATTENDED_VIRTUALLY = 'ATTENDED_VIRTUALLY',
  SENT_APOLOGIES = 'SENT_APOLOGIES',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
}
codeList(Attendance, 'Attendance', 'Whether an invited professional attended (RAISE meetings are often virtual or hybrid).');

export enum ObservationKind {
  STRENGTH = 'STRENGTH',
  RISK = 'RISK',
}
codeList(ObservationKind, 'ObservationKind', 'Signs of Safety: "what is working well" (strength) or "what are we worried about" (risk).');

export enum ActionStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
codeList(
  ActionStatus,
  'ActionStatus',
  'Recorded state of a meeting action; whether an open action is overdue is computed from its due date.',
);

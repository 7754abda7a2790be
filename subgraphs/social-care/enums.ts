import { registerEnumType } from 'type-graphql';
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
registerEnumType(Sex, { name: 'Sex', description: 'Sex as recorded for the SSDA903 return (1 male, 2 female).' });

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
registerEnumType(Ethnicity, {
  name: 'Ethnicity',
  description: 'Ethnicity, DfE main codes as used in the SSDA903 and CIN census returns.',
  valuesConfig: {
    WBRI: { description: 'White British' },
    WIRI: { description: 'White Irish' },
    WOTH: { description: 'Any other White background' },
    WIRT: { description: 'Traveller of Irish heritage' },
    WROM: { description: 'Gypsy/Roma' },
    MWBC: { description: 'White and Black Caribbean' },
    MWBA: { description: 'White and Black African' },
    MWAS: { description: 'White and Asian' },
    MOTH: { description: 'Any other mixed background' },
    AIND: { description: 'Indian' },
    APKN: { description: 'Pakistani' },
    ABAN: { description: 'Bangladeshi' },
    AOTH: { description: 'Any other Asian background' },
    BCRB: { description: 'Caribbean' },
    BAFR: { description: 'African' },
    BOTH: { description: 'Any other Black background' },
    CHNE: { description: 'Chinese' },
    OOTH: { description: 'Any other ethnic group' },
    REFU: { description: 'Refused' },
    NOBT: { description: 'Information not yet obtained' },
  },
});

export enum CaseStatus {
  EARLY_HELP = 'EARLY_HELP',
  CHILD_IN_NEED = 'CHILD_IN_NEED',
  CHILD_PROTECTION = 'CHILD_PROTECTION',
  LOOKED_AFTER = 'LOOKED_AFTER',
  CARE_LEAVER = 'CARE_LEAVER',
  EDGE_OF_CARE = 'EDGE_OF_CARE',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: "The young person's status with children's social care over a dated episode.",
  valuesConfig: {
    EARLY_HELP: { description: 'Early Help: support below the statutory threshold, by consent.' },
    CHILD_IN_NEED: { description: 'Child in Need under s17 Children Act 1989.' },
    CHILD_PROTECTION: { description: 'Subject of a Child Protection plan (s47 enquiry and initial child protection conference).' },
    LOOKED_AFTER: { description: 'Looked after by the local authority (s20 accommodation or a care order, s22 Children Act 1989).' },
    CARE_LEAVER: { description: 'Care leaver: eligible, relevant or former relevant child under the Children (Leaving Care) Act 2000.' },
    EDGE_OF_CARE: { description: 'Edge of care: at risk of becoming looked after; NWD works to keep them safely at home.' },
  },
});

export enum CpCategory {
  NEG = 'NEG',
  PHY = 'PHY',
  SAB = 'SAB',
  EMO = 'EMO',
  MUL = 'MUL',
}
registerEnumType(CpCategory, {
  name: 'CpCategory',
  description: 'Initial category of abuse of a Child Protection plan (CIN census).',
  valuesConfig: {
    NEG: { description: 'Neglect' },
    PHY: { description: 'Physical abuse' },
    SAB: { description: 'Sexual abuse' },
    EMO: { description: 'Emotional abuse' },
    MUL: { description: 'Multiple categories' },
  },
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
registerEnumType(LegalStatus, {
  name: 'LegalStatus',
  description: 'Legal status of a looked-after child (SSDA903 field LS).',
  valuesConfig: {
    C1: { description: 'Interim care order' },
    C2: { description: 'Full care order' },
    D1: { description: 'Freeing order granted' },
    E1: { description: 'Placement order granted' },
    V2: { description: 'Single period of accommodation under section 20 (Children Act 1989)' },
    V3: { description: 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded' },
    V4: { description: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded (not individual episodes)' },
    L1: { description: 'Under police protection and in local authority accommodation' },
    L2: { description: 'Emergency protection order (EPO)' },
    L3: { description: 'Under a child assessment order and in local authority accommodation' },
    J1: { description: 'Remanded to local authority accommodation or to youth detention accommodation' },
    J2: { description: 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984' },
    J3: { description: 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement' },
  },
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
registerEnumType(PlacementType, {
  name: 'PlacementType',
  description: 'Placement type (SSDA903 field PLACE), plus the No Wrong Door hub placements.',
  valuesConfig: {
    U1: { description: 'Foster placement with relative or friend - long term fostering (connected person)' },
    U2: {
      description:
        'Foster placement with relative or friend who is also an approved adopter - fostering for adoption / concurrent planning (connected person)',
    },
    U3: { description: 'Foster placement with relative or friend - not long term or fostering for adoption (connected person)' },
    U4: { description: 'Foster placement with other foster carer - long term fostering' },
    U5: {
      description:
        'Foster placement with other foster carer who is also an approved adopter - fostering for adoption / concurrent planning',
    },
    U6: { description: 'Foster placement with other foster carer - not long term or fostering for adoption' },
    K1: { description: 'Secure children’s home' },
    K2: { description: 'Children’s home subject to Children’s Homes Regulations' },
    R1: { description: 'Residential care home' },
    R5: { description: 'Young offender institution (YOI)' },
    H5: { description: 'Semi-independent living accommodation not subject to Children’s Homes Regulations' },
    P1: { description: 'Placed with own parent(s) or other person(s) with parental responsibility' },
    P2: {
      description:
        'Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or with friends, with or without formal support',
    },
    S1: { description: 'All residential schools, except where dual-registered as a school and children’s home' },
    Z1: { description: 'Other placements (must be listed on a schedule sent to DfE with annual submission)' },
    NWD_HUB_BED: { description: 'No Wrong Door hub: a residential bed in the hub (short-term, with outreach)' },
    NWD_HUB_COMMUNITY_FAMILY: { description: 'No Wrong Door hub community family: a foster family attached to the hub' },
    SUPPORTED_LODGINGS: { description: 'Supported lodgings: a room in a host’s home with support, for older young people' },
  },
});

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
registerEnumType(PlacementChangeReason, {
  name: 'PlacementChangeReason',
  description: 'Reason for a placement ending or changing (SSDA903 field REASON_PLACE_CHANGE).',
  valuesConfig: {
    CARPL: { description: 'Change to or implementation of the care plan' },
    CLOSE: { description: 'Resignation or closure of the provider' },
    ALLEG: { description: 'Allegation (s47)' },
    STAND: { description: 'Standards of care concern' },
    APPRR: { description: 'Approval removed' },
    CREQB: { description: 'Carer(s) requested placement end due to child’s behaviour' },
    CREQO: { description: 'Carer(s) requested placement end other than due to child’s behaviour' },
    CHILD: { description: 'Child requested placement end' },
    LAREQ: { description: 'Responsible or area authority requested placement end' },
    PLACE: { description: 'Change in the status of placement only' },
    CUSTOD: { description: 'Child arrested or sentenced to custody' },
    OTHER: { description: 'Other' },
  },
});

export enum DistanceBand {
  WITHIN_20_MILES = 'WITHIN_20_MILES',
  BEYOND_20_MILES = 'BEYOND_20_MILES',
}
registerEnumType(DistanceBand, {
  name: 'DistanceBand',
  description: 'Distance between the home address and the placement (SSDA903 PL_DISTANCE, banded at 20 miles).',
});

export enum MissingFromCareType {
  M = 'M',
  A = 'A',
}
registerEnumType(MissingFromCareType, {
  name: 'MissingFromCareType',
  description: 'SSDA903 missing episode type.',
  valuesConfig: {
    M: { description: 'Missing: not at the placement or place they are expected to be, and whereabouts not known.' },
    A: { description: 'Away from placement without authorisation: whereabouts known but not at the placement.' },
  },
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
registerEnumType(PlanType, {
  name: 'PlanType',
  description: "A plan held on the young person's social care record.",
  valuesConfig: {
    CARE_PLAN: { description: 'Care plan for a looked-after child (Care Planning Regulations 2010).' },
    CIN_PLAN: { description: 'Child in Need plan (s17).' },
    CP_PLAN: { description: 'Child Protection plan.' },
    PATHWAY_PLAN: { description: 'Pathway plan for an eligible or relevant child / care leaver.' },
    NWD_CARE_AND_PROGRESSION_PLAN: { description: 'No Wrong Door care and progression plan, informed by deep dives.' },
    SAFETY_PLAN: { description: 'Safety plan agreed with the young person and the network.' },
    MISSING_PLAN: { description: 'Missing plan: what to do if the young person goes missing (places, associates, who to call).' },
  },
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
registerEnumType(AssessmentFactor, {
  name: 'AssessmentFactor',
  description: 'Factors identified at the end of a Child in Need assessment (CIN census), those most relevant to adolescents.',
  valuesConfig: {
    GOING_MISSING: { description: '10A: Child going missing' },
    CHILD_SEXUAL_EXPLOITATION: { description: '11A: Child sexual exploitation' },
    TRAFFICKING: { description: '12A: Trafficking' },
    GANGS: { description: '13A: Gangs' },
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR: { description: '14A: Socially unacceptable behaviour' },
    SELF_HARM: { description: '15A: Self-harm' },
    CHILD_CRIMINAL_EXPLOITATION: { description: '24A: Child criminal exploitation' },
  },
});

/** The CIN census code for each factor. */
export const ASSESSMENT_FACTOR_CODE: Record<AssessmentFactor, string> = {
  GOING_MISSING: '10A',
  CHILD_SEXUAL_EXPLOITATION: '11A',
  TRAFFICKING: '12A',
  GANGS: '13A',
  SOCIALLY_UNACCEPTABLE_BEHAVIOUR: '14A',
  SELF_HARM: '15A',
  CHILD_CRIMINAL_EXPLOITATION: '24A',
};

/** One scheme per receiving agency in the agencies table: the identifier it keeps its records under. */
export const IdentifierScheme = Object.fromEntries(RECEIVING_AGENCIES.map((a) => [a.identifier.scheme, a.identifier.scheme])) as {
  readonly [S in IdentifierSchemeCode]: S;
};
export type IdentifierScheme = IdentifierSchemeCode;
registerEnumType(IdentifierScheme, {
  name: 'IdentifierScheme',
  description: 'An identifier another agency keeps its records under.',
  valuesConfig: Object.fromEntries(RECEIVING_AGENCIES.map((a) => [a.identifier.scheme, { description: a.identifier.description }])),
});

export enum LinkMethod {
  NHS_SPINE_TRACE = 'NHS_SPINE_TRACE',
  AGENCY_CONFIRMED = 'AGENCY_CONFIRMED',
  DEMOGRAPHIC_MATCH = 'DEMOGRAPHIC_MATCH',
  RECORDED_BY_PRACTITIONER = 'RECORDED_BY_PRACTITIONER',
}
registerEnumType(LinkMethod, {
  name: 'LinkMethod',
  description: 'How social care came to link an agency identifier to the young person (provenance of the match).',
  valuesConfig: {
    NHS_SPINE_TRACE: { description: 'Traced on the NHS Personal Demographics Service.' },
    AGENCY_CONFIRMED: { description: 'The owning agency confirmed the identifier belongs to this young person.' },
    DEMOGRAPHIC_MATCH: { description: 'Matched on name, date of birth and address; not confirmed by the owning agency.' },
    RECORDED_BY_PRACTITIONER: { description: 'Typed in by a practitioner from a document; the check digit was valid.' },
  },
});

export enum RagPriority {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(RagPriority, {
  name: 'RagPriority',
  description: 'Red/amber/green priority given to a referral to the No Wrong Door hub.',
});

export enum NwdSupport {
  HUB_PLACEMENT = 'HUB_PLACEMENT',
  OUTREACH = 'OUTREACH',
}
registerEnumType(NwdSupport, {
  name: 'NwdSupport',
  description: 'How the No Wrong Door hub supports the young person.',
  valuesConfig: {
    HUB_PLACEMENT: { description: 'Lives in a hub bed or hub community family.' },
    OUTREACH: { description: 'Lives elsewhere; the hub team works with them where they are.' },
  },
});

export enum NwdSpecialist {
  LIFE_COACH = 'LIFE_COACH',
  COMMUNICATION_SUPPORT = 'COMMUNICATION_SUPPORT',
  POLICE_LIAISON = 'POLICE_LIAISON',
}
registerEnumType(NwdSpecialist, {
  name: 'NwdSpecialist',
  description: 'A specialist embedded in the No Wrong Door hub.',
  valuesConfig: {
    LIFE_COACH: { description: 'Life coach: a clinical psychologist (health) working on emotional and mental health.' },
    COMMUNICATION_SUPPORT: { description: 'Communication support worker: a speech and language therapist screening for SLCN.' },
    POLICE_LIAISON: { description: 'Police liaison officer embedded in the hub.' },
  },
});

export enum NwdClosureOutcome {
  REMAINED_AT_HOME = 'REMAINED_AT_HOME',
  STABLE_PLACEMENT = 'STABLE_PLACEMENT',
  INDEPENDENT_LIVING = 'INDEPENDENT_LIVING',
  BECAME_LOOKED_AFTER = 'BECAME_LOOKED_AFTER',
  MOVED_AWAY = 'MOVED_AWAY',
  OTHER = 'OTHER',
}
registerEnumType(NwdClosureOutcome, { name: 'NwdClosureOutcome', description: 'Outcome recorded when No Wrong Door involvement closes.' });

export enum MeetingKind {
  RAISE = 'RAISE',
  DEEP_DIVE = 'DEEP_DIVE',
}
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'A No Wrong Door multi-agency meeting about one young person.',
  valuesConfig: {
    RAISE: {
      description:
        'RAISE risk meeting (Risk, Analysis, Intervention, Solution, Evaluation): intelligence-led, Signs of Safety, each agency owns actions.',
    },
    DEEP_DIVE: { description: 'Deep dive: professionals review the whole case history to inform the NWD care and progression plan.' },
  },
});

export enum MeetingStatus {
  HELD = 'HELD',
  POSTPONED = 'POSTPONED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Whether the meeting took place (postponements are a known failure mode, 000:2081).',
});

/** The partner agencies of the agencies table, and the hub and others who come to meetings. */
export const Agency = {
  ...(Object.fromEntries(AGENCY_CODES.map((code) => [code, code])) as { readonly [C in AgencyCode]: C }),
  NWD_HUB: 'NWD_HUB',
  OTHER: 'OTHER',
} as const;
export type Agency = (typeof Agency)[keyof typeof Agency];
registerEnumType(Agency, { name: 'Agency', description: 'The partner agency a professional represents.' });

export enum Attendance {
  ATTENDED_IN_PERSON = 'ATTENDED_IN_PERSON',
  ATTENDED_VIRTUALLY = 'ATTENDED_VIRTUALLY',
  SENT_APOLOGIES = 'SENT_APOLOGIES',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
}
registerEnumType(Attendance, {
  name: 'Attendance',
  description: 'Whether an invited professional attended (RAISE meetings are often virtual or hybrid).',
});

export enum ObservationKind {
  STRENGTH = 'STRENGTH',
  RISK = 'RISK',
}
registerEnumType(ObservationKind, {
  name: 'ObservationKind',
  description: 'Signs of Safety: "what is working well" (strength) or "what are we worried about" (risk).',
});

export enum ActionStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActionStatus, {
  name: 'ActionStatus',
  description: 'Recorded state of a meeting action; whether an open action is overdue is computed from its due date.',
});

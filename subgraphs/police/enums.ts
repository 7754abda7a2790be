import { codeList } from '../../kit/subgraph/graphql/code-list';

/**
 * The police code lists, each value documented with its official meaning (College of Policing APP,
 * Home Office, YJB, Modern Slavery Act guidance), so the explorer explains itself.
 */

export enum MissingRiskGrading {
  NO_APPARENT_RISK = 'NO_APPARENT_RISK',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
codeList(
  MissingRiskGrading,
  'MissingRiskGrading',
  'Risk grading of a missing person report (College of Policing APP, Missing persons). Forces apply it through their own, versioned risk assessment scheme.',
  {
    NO_APPARENT_RISK:
      'No apparent risk: there is no apparent risk of harm to either the subject or the public (replaced the former "absent" category).',
    LOW: 'Low risk: the risk of harm to the subject or the public is assessed as possible but minimal.',
    MEDIUM: 'Medium risk: the risk of harm to the subject or the public is assessed as likely but not serious.',
    HIGH: 'High risk: the risk of serious harm to the subject or the public is assessed as very likely.',
  },
);

export enum ReturnHomeInterviewTakeUp {
  YES = 'YES',
  NO = 'NO',
  DECLINED = 'DECLINED',
}
codeList(
  ReturnHomeInterviewTakeUp,
  'ReturnHomeInterviewTakeUp',
  'Whether the child took up the offer of an independent return home interview (DfE statutory guidance on children who run away or go missing from home or care).',
  {
    YES: 'Taken up: the return home interview took place.',
    NO: 'Not taken up, though not refused: the interview did not happen (for example the child could not be reached or did not attend).',
    DECLINED: 'The child declined the offer of a return home interview.',
  },
);

export enum ReturnHomeInterviewStatus {
  OFFERED_IN_TIME = 'OFFERED_IN_TIME',
  OFFERED_LATE = 'OFFERED_LATE',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
codeList(
  ReturnHomeInterviewStatus,
  'ReturnHomeInterviewStatus',
  'Computed, never stored: whether a return home interview was offered within 72 hours of the child being found (DfE statutory guidance on children who run away or go missing from home or care).',
  {
    OFFERED_IN_TIME: 'Offered within 72 hours of the child being found (72 hours exactly is in time).',
    OFFERED_LATE: 'Offered, but more than 72 hours after the child was found.',
    DUE: 'Not offered yet; the child was found less than 72 hours ago, so it is still in time.',
    OVERDUE: 'Not offered, and more than 72 hours have passed since the child was found.',
    NOT_APPLICABLE: 'The child has not been found yet: no interview is due.',
  },
);

export enum OffenceCategory {
  VIOLENCE_AGAINST_THE_PERSON = 'VIOLENCE_AGAINST_THE_PERSON',
  ROBBERY = 'ROBBERY',
  SEXUAL_OFFENCES = 'SEXUAL_OFFENCES',
  THEFT_AND_HANDLING = 'THEFT_AND_HANDLING',
  BURGLARY = 'BURGLARY',
  CRIMINAL_DAMAGE = 'CRIMINAL_DAMAGE',
  DRUGS = 'DRUGS',
  POSSESSION_OF_WEAPONS = 'POSSESSION_OF_WEAPONS',
  PUBLIC_ORDER = 'PUBLIC_ORDER',
  OTHER = 'OTHER',
}
codeList(
  OffenceCategory,
  'OffenceCategory',
  'Offence type category, as in the Youth Justice Board and Home Office offence groups used in youth justice statistics.',
  {
    VIOLENCE_AGAINST_THE_PERSON:
      'Violence against the person: offences of homicide, violence with or without injury, stalking and harassment.',
    ROBBERY: 'Robbery: theft with the use or threat of force, of personal property or business property.',
    SEXUAL_OFFENCES: 'Sexual offences: rape and other sexual offences.',
    THEFT_AND_HANDLING: 'Theft and handling stolen goods: including shoplifting, theft from the person and vehicle offences.',
    BURGLARY: 'Burglary: entering a building as a trespasser to steal or cause damage (domestic or non-domestic).',
    CRIMINAL_DAMAGE: 'Criminal damage and arson: destroying or damaging property belonging to another.',
    DRUGS: 'Drug offences: possession, supply and production of controlled drugs.',
    POSSESSION_OF_WEAPONS: 'Possession of weapons offences: carrying an offensive weapon or bladed article.',
    PUBLIC_ORDER: 'Public order offences: causing fear, alarm or distress, affray, disorderly behaviour.',
    OTHER: 'Any other offence (for example breach of a statutory order, motoring offences).',
  },
);

export enum ArrestOutcome {
  CHARGED = 'CHARGED',
  YOUTH_CONDITIONAL_CAUTION = 'YOUTH_CONDITIONAL_CAUTION',
  YOUTH_CAUTION = 'YOUTH_CAUTION',
  COMMUNITY_RESOLUTION = 'COMMUNITY_RESOLUTION',
  OUTCOME_22 = 'OUTCOME_22',
  NO_FURTHER_ACTION = 'NO_FURTHER_ACTION',
  RELEASED_UNDER_INVESTIGATION = 'RELEASED_UNDER_INVESTIGATION',
  BAILED = 'BAILED',
}
codeList(
  ArrestOutcome,
  'ArrestOutcome',
  'What followed an arrest, in the Home Office crime outcome framework (outcome numbers in brackets) or the interim disposal while the investigation continues.',
  {
    CHARGED: 'Charged or summonsed (outcome 1): the young person is to appear before a court.',
    YOUTH_CONDITIONAL_CAUTION: 'Youth conditional caution (outcome 2): a caution with conditions the young person must meet.',
    YOUTH_CAUTION: 'Youth caution (outcome 2): a formal out-of-court disposal after an admission of the offence.',
    COMMUNITY_RESOLUTION: 'Community resolution (outcome 8): an informal out-of-court resolution, often with the victim.',
    OUTCOME_22: 'Outcome 22: diversionary, educational or intervention activity; further action not in the public interest.',
    NO_FURTHER_ACTION: 'No further action: evidential difficulties or not in the public interest (outcomes 14 to 16, 21).',
    RELEASED_UNDER_INVESTIGATION: 'Released under investigation: released without bail while enquiries continue; no outcome yet.',
    BAILED: 'Released on pre-charge bail while enquiries continue; no outcome yet.',
  },
);

export enum ExploitationType {
  CSE = 'CSE',
  CCE = 'CCE',
  COUNTY_LINES = 'COUNTY_LINES',
}
codeList(
  ExploitationType,
  'ExploitationType',
  'Kind of exploitation the police are concerned about (Working Together to Safeguard Children 2023; Home Office county lines guidance).',
  {
    CSE: 'Child sexual exploitation: a form of child sexual abuse where an individual or group takes advantage of an imbalance of power to coerce, manipulate or deceive a child under 18 into sexual activity, in exchange for something the victim needs or wants and/or for the financial advantage or increased status of the perpetrator or facilitator.',
    CCE: 'Child criminal exploitation: where an individual or group takes advantage of an imbalance of power to coerce, control, manipulate or deceive a child under 18 into any criminal activity, in exchange for something the victim needs or wants, for the financial or other advantage of the perpetrator or facilitator, and/or through violence or the threat of violence.',
    COUNTY_LINES:
      'County lines: gangs and organised criminal networks exporting illegal drugs into one or more importing areas using dedicated mobile phone lines ("deal lines"), likely to exploit children and vulnerable adults to move and store the drugs and money, often with coercion, intimidation, violence and weapons.',
  },
);

export enum ReasonableGroundsOutcome {
  POSITIVE = 'POSITIVE',
  NEGATIVE = 'NEGATIVE',
}
codeList(
  ReasonableGroundsOutcome,
  'ReasonableGroundsOutcome',
  'National Referral Mechanism reasonable grounds decision by the competent authority (Modern Slavery Act 2015 statutory guidance).',
  {
    POSITIVE:
      'There are reasonable grounds to believe the person is a victim of modern slavery (human trafficking, slavery, servitude, or forced or compulsory labour): support and a recovery period follow.',
    NEGATIVE: 'There are not reasonable grounds to believe the person is a victim of modern slavery; the NRM process ends.',
  },
);

export enum ConclusiveGroundsOutcome {
  POSITIVE = 'POSITIVE',
  NEGATIVE = 'NEGATIVE',
}
codeList(
  ConclusiveGroundsOutcome,
  'ConclusiveGroundsOutcome',
  'National Referral Mechanism conclusive grounds decision by the competent authority (Modern Slavery Act 2015 statutory guidance).',
  {
    POSITIVE: 'On the balance of probabilities the person is a victim of modern slavery.',
    NEGATIVE: 'On the balance of probabilities the person is not a victim of modern slavery.',
  },
);

export enum IntelligenceGradingScheme {
  THREE_BY_FIVE_BY_TWO = 'THREE_BY_FIVE_BY_TWO',
  FIVE_BY_FIVE_BY_FIVE = 'FIVE_BY_FIVE_BY_FIVE',
}
codeList(
  IntelligenceGradingScheme,
  'IntelligenceGradingScheme',
  'How an intelligence item was graded when it was recorded (College of Policing APP, Intelligence management).',
  {
    THREE_BY_FIVE_BY_TWO: 'The 3x5x2 model: source evaluation (1-3), intelligence assessment (A-E), handling code (P or C).',
    FIVE_BY_FIVE_BY_FIVE:
      'The legacy 5x5x5 model that 3x5x2 replaced: source evaluation (A-E), intelligence evaluation (1-5), handling code (1-5), kept as recorded.',
  },
);

export enum SourceEvaluation {
  RELIABLE = 'RELIABLE',
  UNTESTED = 'UNTESTED',
  NOT_RELIABLE = 'NOT_RELIABLE',
}
codeList(SourceEvaluation, 'SourceEvaluation', '3x5x2 source evaluation: how reliable the source of the intelligence is.', {
  RELIABLE: '1 - Reliable: the source is believed to be reliable (of known authenticity and competence).',
  UNTESTED: '2 - Untested: the reliability of the source cannot be judged or has not yet been tested.',
  NOT_RELIABLE: '3 - Not reliable: there are doubts about the authenticity, trustworthiness or competence of the source.',
});

export enum IntelligenceAssessment {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
}
codeList(IntelligenceAssessment, 'IntelligenceAssessment', '3x5x2 intelligence assessment: how the source came to know the information.', {
  A: 'A - Known directly to the source.',
  B: 'B - Known indirectly to the source but corroborated.',
  C: 'C - Known indirectly to the source.',
  D: 'D - Not known (the source cannot say how it is known).',
  E: 'E - Suspected to be false.',
});

export enum HandlingCode {
  P = 'P',
  C = 'C',
}
codeList(HandlingCode, 'HandlingCode', '3x5x2 handling code: whether and how the intelligence may be shared.', {
  P: 'P - Lawful sharing permitted: may be shared for a policing purpose.',
  C: 'C - Lawful sharing permitted with conditions: may be shared only with the conditions attached.',
});

export enum AssociateRelationship {
  PEER = 'PEER',
  ADULT_OF_CONCERN = 'ADULT_OF_CONCERN',
  FAMILY_MEMBER = 'FAMILY_MEMBER',
  PARTNER = 'PARTNER',
}
codeList(AssociateRelationship, 'AssociateRelationship', 'How an associate recorded for a missing plan is linked to the young person.', {
  PEER: 'A young person of similar age the young person spends time with, including when missing.',
  ADULT_OF_CONCERN: 'An adult believed to pose a risk of harm or exploitation to the young person.',
  FAMILY_MEMBER: 'A relative the young person may go to or be found with.',
  PARTNER: 'A boyfriend or girlfriend, or someone described as one.',
});

export enum LocationOfConcernKind {
  ADDRESS = 'ADDRESS',
  PUBLIC_SPACE = 'PUBLIC_SPACE',
  TRANSPORT_HUB = 'TRANSPORT_HUB',
  COMMERCIAL_PREMISES = 'COMMERCIAL_PREMISES',
  OUT_OF_AREA = 'OUT_OF_AREA',
}
codeList(LocationOfConcernKind, 'LocationOfConcernKind', 'What kind of place a location of concern in a missing plan is.', {
  ADDRESS: 'A private address the young person goes to or has been found at.',
  PUBLIC_SPACE: 'A park, street, underpass or other open public place.',
  TRANSPORT_HUB: 'A railway or bus station, where young people may be moved out of the area.',
  COMMERCIAL_PREMISES: 'A shop, takeaway, hotel or other business premises.',
  OUT_OF_AREA: 'A place in another police force area (for example linked to a county line).',
});
